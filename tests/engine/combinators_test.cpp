// gather, wait, wait_for, timeout, shield, as_completed, TaskGroup.
// Expected lines: tests/engine/cpython/*.py under tests/oracle/vclock.py.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace corolab;
using corolab::test::Log;
using corolab::test::seconds;
using Lines = std::vector<std::string>;

namespace {


struct Fixture {
  Loop loop;
  Log log{loop};
  Task<std::string> work(std::string name, double d, bool fail = false) {
    try {
      co_await sleep(d);
    } catch (const CancelledError&) {
      log(name + " cancelled");
      throw;
    }
    if (fail) throw ValueError(name);
    log(name + " done");
    co_return name;
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "gather returns results in argument order whatever the completion order") {
  // cpython/gather_order.py
  auto main = [&]() -> Task<void> {
    auto r = co_await gather(work("x", 3), work("y", 1), work("z", 2));
    log(r[0] + r[1] + r[2]);
    std::vector<Task<std::string>> two;
    two.push_back(work("p", 1));
    two.push_back(work("bad", 0.5, true));
    auto outcomes = co_await gather_outcomes(std::move(two));
    log(std::string(outcomes[0].ok() ? "str" : "error") + " " + (outcomes[1].ok() ? "str" : "error"));
    try {
      co_await gather(work("q", 1), work("boom", 0.5, true));
    } catch (const ValueError& e) {
      log(std::string("caught ") + e.what());
    }
    co_await sleep(1);
    auto g = gather(work("s", 5), work("t", 5));
    co_await sleep(1);
    g.cancel();
    try {
      co_await g;
    } catch (const CancelledError&) {
      log("gather cancelled");
    }
  };
  run_until_complete(loop, main());
  CHECK(log.tsv() == Lines{"1.000\ty done", "2.000\tz done", "3.000\tx done", "3.000\txyz", "4.000\tp done",
                           "4.000\tstr error", "4.500\tcaught boom", "5.000\tq done", "6.500\ts cancelled",
                           "6.500\tt cancelled", "6.500\tgather cancelled"});
}

TEST_CASE_METHOD(Fixture, "wait, wait_for and timeout return or time out when CPython does") {
  // cpython/wait_variants.py
  auto main = [&]() -> Task<void> {
    std::vector<TaskHandle<std::string>> ts{create_task(work("a", 3)), create_task(work("b", 1)),
                                            create_task(work("c", 2))};
    auto w1 = co_await wait(ts, std::nullopt, ReturnWhen::first_completed);
    log(seconds(loop.time()) + " " + w1.done[0].result() + " " + std::to_string(w1.pending.size()));
    std::vector<TaskHandle<std::string>> ts2{create_task(work("e", 1.5, true)), create_task(work("f", 5))};
    auto w2 = co_await wait(ts2, std::nullopt, ReturnWhen::first_exception);
    log(seconds(loop.time()) + " " + std::to_string(w2.done.size()) + " " + std::to_string(w2.pending.size()));
    auto all = ts;
    all.insert(all.end(), ts2.begin(), ts2.end());
    auto w3 = co_await wait(all, 1.0);
    log(seconds(loop.time()) + " " + std::to_string(w3.done.size()) + " " + std::to_string(w3.pending.size()));
    auto w4 = co_await wait(all);
    log(seconds(loop.time()) + " " + std::to_string(w4.done.size()) + " " + std::to_string(w4.pending.size()));
    try {
      co_await wait_for(work("g", 5), 2.0);
    } catch (const TimeoutError&) {
      log(seconds(loop.time()) + " timeout");
    }
    std::string h = co_await wait_for(work("h", 1), 2.0);
    log(h + " " + seconds(loop.time()));
    try {
      co_await with_timeout(1.5, [&]() -> Task<void> { co_await sleep(10); });
    } catch (const TimeoutError&) {
      log(seconds(loop.time()) + " scope timeout");
    }
    ts2[0]->mark_retrieved();
  };
  run_until_complete(loop, main());
  CHECK(log.tsv() == Lines{"1.000\tb done", "1.000\t1.0 b 2", "2.000\tc done", "2.500\t2.5 1 1",
                           "3.000\ta done", "3.500\t3.5 4 1", "6.000\tf done", "6.000\t6.0 5 0",
                           "8.000\tg cancelled", "8.000\t8.0 timeout", "9.000\th done", "9.000\th 9.0",
                           "10.500\t10.5 scope timeout"});
}

TEST_CASE_METHOD(Fixture, "TaskGroup waits for its tasks; the first failure cancels the siblings") {
  // cpython/taskgroup.py
  auto main = [&]() -> Task<void> {
    TaskHandle<std::string> a, b;
    co_await task_group([&](TaskGroup& tg) -> Task<void> {
      a = tg.create_task(work("a", 1));
      b = tg.create_task(work("b", 2));
      co_return;
    });
    log("group 1 results " + a.result() + " " + b.result());
    try {
      co_await task_group([&](TaskGroup& tg) -> Task<void> {
        tg.create_task(work("c", 1, true));
        tg.create_task(work("d", 3));
        tg.create_task(work("e", 1.5, true));
        co_await sleep(5);
        log("not reached");
      });
    } catch (const ExceptionGroup& eg) {
      std::string errors;
      for (auto& e : eg.exceptions()) {
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& x) {
          errors += x.what();
        }
      }
      log(std::string("group 2: ") + eg.what() + " " + errors);
    }
    log("end");
  };
  run_until_complete(loop, main());
  CHECK(log.tsv() == Lines{"1.000\ta done", "2.000\tb done", "2.000\tgroup 1 results a b", "3.000\td cancelled",
                           "3.000\te cancelled", "3.000\tgroup 2: unhandled errors in a TaskGroup c", "3.000\tend"});
}

TEST_CASE_METHOD(Fixture, "shield keeps the inner task running; as_completed yields in completion order") {
  // cpython/shield_ascompleted.py
  auto main = [&]() -> Task<void> {
    auto inner = create_task(work("inner", 2));
    auto outer = shield(inner);
    co_await sleep(1);
    outer.cancel();
    try {
      co_await outer;
    } catch (const CancelledError&) {
      log("outer cancelled at " + seconds(loop.time()));
    }
    std::string r = co_await inner;
    log("inner result " + r + " " + seconds(loop.time()));
    std::vector<TaskHandle<std::string>> three{create_task(work("x", 3)), create_task(work("y", 1)),
                                               create_task(work("z", 2))};
    auto ac = as_completed(three);
    for (size_t i = 0; i < ac.size(); ++i) {
      std::string got = co_await ac.next();
      log("as_completed gives " + got + " " + seconds(loop.time()));
    }
    std::vector<TaskHandle<std::string>> two{create_task(work("slow", 5)), create_task(work("fast", 1))};
    auto ac2 = as_completed(two, 2.0);
    try {
      for (size_t i = 0; i < ac2.size(); ++i) {
        std::string got = co_await ac2.next();
        log("got " + got + " " + seconds(loop.time()));
      }
    } catch (const TimeoutError&) {
      log("as_completed timeout at " + seconds(loop.time()));
    }
  };
  run_until_complete(loop, main());
  loop.stop();  // "slow" is still sleeping, as in CPython before asyncio.run cancels it
  CHECK(log.tsv() == Lines{"1.000\touter cancelled at 1.0", "2.000\tinner done", "2.000\tinner result inner 2.0",
                           "3.000\ty done", "3.000\tas_completed gives y 3.0", "4.000\tz done",
                           "4.000\tas_completed gives z 4.0", "5.000\tx done", "5.000\tas_completed gives x 5.0",
                           "6.000\tfast done", "6.000\tgot fast 6.0", "7.000\tas_completed timeout at 7.0"});
}

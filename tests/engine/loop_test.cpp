// The event loop's own rules: iterations, timers, clocks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

#include "test_support.hpp"

using namespace corolab;
using corolab::test::Log;

TEST_CASE("a task created with create_task starts on the next loop iteration") {
  Loop loop;
  Log log(loop);
  auto child = [&]() -> Task<void> {
    log("child runs");
    co_return;
  };
  auto main = [&]() -> Task<void> {
    create_task(child());
    log("after create_task");
    co_await sleep(0);
    log("after sleep(0)");
  };
  run_until_complete(loop, main());
  CHECK(log.texts() == std::vector<std::string>{"after create_task", "child runs", "after sleep(0)"});
}

TEST_CASE("timers with equal deadlines fire in creation order") {
  Loop loop;
  std::vector<int> order;
  for (int i = 0; i < 5; ++i) loop.call_later(1.0, [&order, i] { order.push_back(i); });
  loop.call_later(0.5, [&order] { order.push_back(-1); });
  auto main = []() -> Task<void> { co_await sleep(2); };
  run_until_complete(loop, main());
  CHECK(order == std::vector<int>{-1, 0, 1, 2, 3, 4});
}

TEST_CASE("callbacks run in CPython's order; time.sleep-style blocking delays every other timer") {
  // cpython/loop_rules.py
  Loop loop;
  Log log(loop);
  // A named lambda: a coroutine lambda's captures live in the lambda object.
  auto sleeper = [&]() -> Task<void> {
    co_await sleep(0.5);
    log("sleeper woke at " + std::to_string(loop.time()).substr(0, 3));
  };
  auto main = [&]() -> Task<void> {
    loop.call_later(1, [&] { log("timer at 1"); });
    Handle h = loop.call_later(1.5, [&] { log("cancelled timer"); });
    loop.call_at(2, [&] { log("call_at 2"); });
    Handle s = loop.call_soon([&] { log("soon cancelled"); });
    loop.call_soon([&] { log("soon"); });
    s.cancel();
    h.cancel();
    auto t = create_task(sleeper());
    co_await sleep(0);
    loop.block(1);  // time.sleep(1)
    log("blocked until " + std::to_string(loop.time()).substr(0, 3));
    co_await t;
    co_await sleep(1.5);
    co_await sleep(0.1);
    co_await sleep(0.2);
  };
  run_until_complete(loop, main());
  CHECK(log.tsv() == std::vector<std::string>{"0.000\tsoon", "1.000\tblocked until 1.0", "1.000\ttimer at 1",
                                              "1.000\tsleeper woke at 1.0", "2.000\tcall_at 2"});
  // The clock moves by CPython's arithmetic, to the last bit.
  CHECK(loop.time() == 2.8000000000000003);
}

TEST_CASE("a loop with nothing ready and no timer reports a deadlock naming the stuck tasks") {
  reset_task_counter();
  Loop loop;
  auto main = [&]() -> Task<void> {
    auto never = Future<int>::create(loop);
    co_await never;
  };
  CHECK_THROWS_WITH(run_until_complete(loop, main()), Catch::Contains("Task-1"));
  loop.stop();
  reset_task_counter();
}

TEST_CASE("the virtual clock waits at most 86400 s per iteration") {
  Loop loop;
  auto main = []() -> Task<void> { co_await sleep(200000); };
  auto t = create_task(loop, main());
  loop.run_once();  // the task's first step: sets the timer
  loop.run_once();
  CHECK(loop.time() == 86400);
  run_until_complete(loop, t);
  CHECK(loop.time() == 200000);
}

TEST_CASE("stop() destroys pending tasks, timers and callbacks without running them") {
  Loop loop;
  int ran = 0;
  auto forever = [&]() -> Task<void> {
    for (;;) {
      co_await sleep(1);
      ++ran;
    }
  };
  auto waiter = [&](Future<int> f) -> Task<void> {
    co_await f;
    ++ran;
  };
  auto f = Future<int>::create(loop);
  for (int i = 0; i < 10; ++i) create_task(loop, forever());
  create_task(loop, waiter(f));
  loop.call_later(5, [&] { ++ran; });
  loop.run_once();
  CHECK(loop.live_tasks() == 11);
  loop.stop();
  CHECK(loop.live_tasks() == 0);
  CHECK(loop.idle());
  f.set_result(1);  // nobody waits any more
  CHECK(loop.ready_count() == 0);
  CHECK(ran == 0);
}

TEST_CASE("cancelled timers are dropped lazily and compacted when they dominate") {
  Loop loop;
  std::vector<Handle> hs;
  for (int i = 0; i < 300; ++i) hs.push_back(loop.call_later(10 + i, [] {}));
  for (int i = 0; i < 250; ++i) hs[i].cancel();
  CHECK(loop.timer_count() == 50);
  loop.call_soon([] {});
  loop.run_once();  // compacts: 250 of 300 cancelled
  CHECK(loop.next_deadline() == 260.0);
}

TEST_CASE("advance() runs what is due and says how long the host should wait (real clock)") {
  Loop loop(ClockMode::real_time, 10.0);  // 10x: 1 s of loop time is 0.1 s of host time
  int fired = 0;
  loop.call_later(1.0, [&] { ++fired; });
  loop.call_soon([&] { ++fired; });
  CHECK(loop.advance() > 0.05);  // ran the call_soon; next deadline ~0.1 host s away
  CHECK(fired == 1);
  double wait;
  while ((wait = loop.advance()) >= 0) {
    if (wait > 0) std::this_thread::sleep_for(std::chrono::duration<double>(wait));
  }
  CHECK(fired == 2);
  CHECK(loop.time() >= 1.0);
}

// The timer heap's pop (a branch-free minimum for full sibling groups, the
// generic loop for the last, partial one) against a sort of the same
// (deadline, creation) keys, with many equal deadlines and cancellations.
TEST_CASE("the timer heap pops in (deadline, creation) order, ties in creation order") {
  for (size_t n : {1, 2, 3, 4, 5, 7, 16, 17, 100, 1000, 5000}) {
    TimerHeap heap;
    auto noop = [](void*, void*, bool) {};
    std::vector<std::pair<double, uint32_t>> expected;  // (deadline, creation number)
    std::vector<TimerId> ids;
    uint32_t state = 12345;
    auto next = [&] { return state = state * 1103515245u + 12345u; };
    for (size_t i = 0; i < n; ++i) {
      double when = double(next() % 50) / 4;  // few distinct deadlines: many ties
      TimerId id = heap.push(when, noop, nullptr);
      ids.push_back(id);
      expected.emplace_back(when, heap.slot(id.slot).seq);
    }
    // Cancel two timers in three (above 100 timers the heap then compacts
    // and re-heapifies): they must not come out.
    std::vector<std::pair<double, uint32_t>> live;
    for (size_t i = 0; i < n; ++i) {
      if (i % 3 != 0) CHECK(heap.cancel(ids[i]));
      else live.push_back(expected[i]);
    }
    std::sort(live.begin(), live.end());
    std::vector<std::pair<double, uint32_t>> popped;
    while (true) {
      heap.drop_cancelled();
      if (heap.empty()) break;
      double when = heap.top_when();
      uint32_t slot = heap.pop();
      popped.emplace_back(when, heap.slot(slot).seq);
      heap.free_slot(slot);
    }
    CHECK(popped == live);
  }
}

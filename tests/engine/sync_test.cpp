// Lock, Event, Semaphore, Condition, Queue. Expected lines:
// cpython/sync.py under tests/oracle/vclock.py.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace corolab;
using corolab::test::Log;
using corolab::test::seconds;
using Lines = std::vector<std::string>;


TEST_CASE("Lock is FIFO, Event wakes all, Semaphore limits, Condition notifies, Queue joins") {
  Loop loop;
  Log log(loop);
  Lock lock;
  auto locker = [&](std::string name, double hold) -> Task<void> {
    co_await with_lock(lock, [&]() -> Task<void> {
      log(name + " has the lock at " + seconds(loop.time()));
      co_await sleep(hold);
    });
  };
  Event ev;
  auto waiter = [&](std::string name) -> Task<void> {
    co_await ev.wait();
    log(name + " saw the event at " + seconds(loop.time()));
  };
  Semaphore sem(2);
  auto limited = [&](std::string name) -> Task<void> {
    co_await sem.acquire();
    log(name + " in at " + seconds(loop.time()));
    co_await sleep(1);
    sem.release();
  };
  Condition cond;
  std::vector<int> items;
  auto consumer = [&](std::string name) -> Task<void> {
    co_await cond.acquire();
    co_await cond.wait_for([&] { return !items.empty(); });
    int item = items.front();
    items.erase(items.begin());
    log(name + " consumed " + std::to_string(item) + " at " + seconds(loop.time()));
    cond.release();
  };
  Queue<int> q(2);
  auto producer = [&]() -> Task<void> {
    for (int i = 0; i < 5; ++i) {
      co_await q.put(i);
      log("put " + std::to_string(i) + " at " + seconds(loop.time()));
    }
  };
  auto worker = [&]() -> Task<void> {
    for (;;) {
      int item = co_await q.get();
      co_await sleep(1);
      log("got " + std::to_string(item) + " at " + seconds(loop.time()));
      q.task_done();
    }
  };

  auto main = [&]() -> Task<void> {
    co_await gather(locker("a", 1), locker("b", 1), locker("c", 1));

    std::vector<TaskHandle<void>> ws{create_task(waiter("w1")), create_task(waiter("w2"))};
    co_await sleep(1);
    ev.set();
    log("event set");
    co_await gather(ws);

    std::vector<Task<void>> five;
    for (const char* name : {"s0", "s1", "s2", "s3", "s4"}) five.push_back(limited(name));
    co_await gather(std::move(five));

    std::vector<TaskHandle<void>> cs{create_task(consumer("c1")), create_task(consumer("c2"))};
    co_await sleep(1);
    co_await cond.acquire();
    items = {1, 2};
    cond.notify_all();
    cond.release();
    co_await gather(cs);

    auto w = create_task(worker());
    co_await producer();
    co_await q.join();
    log("joined at " + seconds(loop.time()));
    w.cancel();
    try {
      q.get_nowait();
    } catch (const QueueEmpty&) {
      log("QueueEmpty");
    }
  };
  run_until_complete(loop, main());
  CHECK(log.tsv() == Lines{
                         "0.000\ta has the lock at 0.0",  "1.000\tb has the lock at 1.0",
                         "2.000\tc has the lock at 2.0",  "4.000\tevent set",
                         "4.000\tw1 saw the event at 4.0", "4.000\tw2 saw the event at 4.0",
                         "4.000\ts0 in at 4.0",           "4.000\ts1 in at 4.0",
                         "5.000\ts2 in at 5.0",           "5.000\ts3 in at 5.0",
                         "6.000\ts4 in at 6.0",           "8.000\tc1 consumed 1 at 8.0",
                         "8.000\tc2 consumed 2 at 8.0",   "8.000\tput 0 at 8.0",
                         "8.000\tput 1 at 8.0",           "8.000\tput 2 at 8.0",
                         "9.000\tgot 0 at 9.0",           "9.000\tput 3 at 9.0",
                         "10.000\tgot 1 at 10.0",         "10.000\tput 4 at 10.0",
                         "11.000\tgot 2 at 11.0",         "12.000\tgot 3 at 12.0",
                         "13.000\tgot 4 at 13.0",         "13.000\tjoined at 13.0",
                         "13.000\tQueueEmpty",
                     });
}

TEST_CASE("acquiring a free Lock does not yield; release of an unlocked Lock throws") {
  Loop loop;
  Log log(loop);
  Lock lock;
  auto other = [&]() -> Task<void> {
    log("other runs");
    co_return;
  };
  auto main = [&]() -> Task<void> {
    create_task(other());
    co_await lock.acquire();
    log("acquired");
    lock.release();
    CHECK_THROWS_AS(lock.release(), RuntimeError);
    co_await sleep(0);
  };
  run_until_complete(loop, main());
  CHECK(log.texts() == Lines{"acquired", "other runs"});
}

TEST_CASE("BoundedSemaphore refuses a release beyond its initial value; Queue refuses put_nowait when full") {
  BoundedSemaphore sem(1);
  CHECK_THROWS_AS(sem.release(), ValueError);
  Loop loop;
  loop.make_current();
  Queue<int> q(1);
  q.put_nowait(1);
  CHECK_THROWS_AS(q.put_nowait(2), QueueFull);
  CHECK(q.get_nowait() == 1);
  q.task_done();
  CHECK_THROWS_AS(q.task_done(), ValueError);
}

TEST_CASE("cancelling a task waiting on a lock, semaphore, queue or condition keeps them consistent") {
  // cpython/cancel_paths.py
  Loop loop;
  Log log(loop);
  auto yes_no = [](bool b) { return std::string(b ? "True" : "False"); };
  Lock lock;
  auto locker = [&](std::string name) -> Task<void> {
    try {
      co_await with_lock(lock, [&]() -> Task<void> {
        log(name + " locked at " + seconds(loop.time()));
        co_await sleep(1);
      });
    } catch (const CancelledError&) {
      log(name + " cancelled while waiting, lock held: " + yes_no(lock.locked()));
      throw;
    }
  };
  Semaphore sem(1);
  auto taker = [&](std::string name) -> Task<void> {
    co_await sem.acquire();
    log(name + " acquired at " + seconds(loop.time()));
    co_await sleep(1);
    sem.release();
  };
  Queue<std::string> q(1);
  auto getter = [&](std::string name) -> Task<void> {
    try {
      std::string item = co_await q.get();
      log(name + " got " + item + " at " + seconds(loop.time()));
    } catch (const CancelledError&) {
      log(name + " get cancelled");
      throw;
    }
  };
  Condition cond;
  auto cwait = [&]() -> Task<void> {
    co_await cond.acquire();
    try {
      co_await cond.wait();
    } catch (const CancelledError&) {
      log("condition wait cancelled, lock re-acquired: " + yes_no(cond.locked()));
      cond.release();
      throw;
    }
    cond.release();
  };
  auto inner = [&]() -> Task<void> {
    try {
      co_await with_timeout(5.0, [&]() -> Task<void> { co_await sleep(10); });
    } catch (const TimeoutError&) {
      log("inner timeout (not expected)");
    }
  };
  auto main = [&]() -> Task<void> {
    std::vector<TaskHandle<void>> ls{create_task(locker("l1")), create_task(locker("l2")), create_task(locker("l3"))};
    co_await sleep(0.5);
    ls[1].cancel();
    co_await gather_outcomes(ls);

    auto s1 = create_task(taker("s1"));
    auto s2 = create_task(taker("s2"));
    auto s3 = create_task(taker("s3"));
    co_await sleep(1);
    s2.cancel();
    // (named vectors: g++ 12 rejects an initializer list inside co_await)
    std::vector<TaskHandle<void>> takers{s1, s2, s3};
    co_await gather_outcomes(takers);
    log("semaphore value " + std::to_string(sem.value()));

    auto g1 = create_task(getter("g1"));
    auto g2 = create_task(getter("g2"));
    co_await sleep(0);
    g1.cancel();
    co_await q.put(std::string("x"));
    std::vector<TaskHandle<void>> getters{g1, g2};
    co_await gather_outcomes(getters);
    co_await q.put(std::string("y"));
    auto p = create_task(q.put(std::string("z")));
    co_await sleep(1);
    log("put waiting: " + yes_no(!p.done()) + " qsize " + std::to_string(q.qsize()));
    log("took " + q.get_nowait());
    co_await p;
    log("after put qsize " + std::to_string(q.qsize()) + " at " + seconds(loop.time()));

    auto cw = create_task(cwait());
    co_await sleep(1);
    cw.cancel();
    std::vector<TaskHandle<void>> waiters{cw};
    co_await gather_outcomes(waiters);
    log("lock free after: " + yes_no(!cond.locked()));

    auto t = create_task(inner());
    co_await sleep(1);
    t.cancel();
    try {
      co_await t;
    } catch (const CancelledError&) {
      log("outer cancel passes through the timeout scope at " + seconds(loop.time()));
    }
  };
  run_until_complete(loop, main());
  CHECK(log.tsv() == Lines{
                         "0.000\tl1 locked at 0.0",
                         "0.500\tl2 cancelled while waiting, lock held: True",
                         "1.000\tl3 locked at 1.0",
                         "2.000\ts1 acquired at 2.0",
                         "3.000\ts3 acquired at 3.0",
                         "4.000\tsemaphore value 1",
                         "4.000\tg1 get cancelled",
                         "4.000\tg2 got x at 4.0",
                         "5.000\tput waiting: True qsize 1",
                         "5.000\ttook y",
                         "5.000\tafter put qsize 1 at 5.0",
                         "6.000\tcondition wait cancelled, lock re-acquired: True",
                         "6.000\tlock free after: True",
                         "7.000\touter cancel passes through the timeout scope at 7.0",
                     });
}

TEST_CASE("PriorityQueue pops in heapq's order, LifoQueue last in first out") {
  // cpython/barrier_queues.py (first two lines)
  struct K {
    int k, t;
  };
  Loop loop;
  loop.make_current();
  Queue<K> pq(0, QueueOrder::priority, [](const K& a, const K& b) { return a.k < b.k; });
  int t = 0;
  for (int k : {2, 1, 2, 1, 2, 1, 3, 0}) pq.put_nowait(K{k, t++});
  std::string order;
  while (!pq.empty()) {
    K x = pq.get_nowait();
    order += (order.empty() ? "" : " ") + std::to_string(x.k) + "/" + std::to_string(x.t);
  }
  CHECK(order == "0/7 1/5 1/1 1/3 2/2 2/0 2/4 3/6");
  Queue<int> lq(0, QueueOrder::lifo);
  for (int i = 0; i < 4; ++i) lq.put_nowait(i);
  std::vector<int> got;
  while (!lq.empty()) got.push_back(lq.get_nowait());
  CHECK(got == std::vector<int>{3, 2, 1, 0});
}

TEST_CASE("Barrier releases all parties at once; reset and abort break waiters") {
  // cpython/barrier_queues.py (the rest)
  Loop loop;
  Log log(loop);
  Barrier b(3);
  auto worker = [&](std::string name, double delay) -> Task<void> {
    co_await sleep(delay);
    int idx = co_await b.wait();
    log(name + " passed with index " + std::to_string(idx));
  };
  Barrier b2(3);
  auto breaker = [&](std::string name) -> Task<void> {
    try {
      co_await b2.wait();
    } catch (const BrokenBarrierError& e) {
      log(name + " broken: " + e.what());
    }
  };
  auto main = [&]() -> Task<void> {
    auto w0 = create_task(worker("w0", 0));
    auto w1 = create_task(worker("w1", 0.5));
    auto w2 = create_task(worker("w2", 1.0));
    co_await w0;
    co_await w1;
    co_await w2;
    auto b0 = create_task(breaker("b0"));
    auto b1 = create_task(breaker("b1"));
    co_await sleep(0.1);
    co_await b2.reset();
    co_await b0;
    co_await b1;
    co_await b2.abort();
    co_await breaker("late");
  };
  run_until_complete(loop, main());
  CHECK(log.texts() == Lines{"w2 passed with index 2", "w0 passed with index 0", "w1 passed with index 1",
                             "b0 broken: Abort or reset of barrier", "b1 broken: Abort or reset of barrier",
                             "late broken: Barrier aborted"});
  CHECK_THROWS_AS(Barrier(0), ValueError);
}

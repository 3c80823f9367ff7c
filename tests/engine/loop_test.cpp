// The event loop's own rules: iterations, timers, clocks.
#include <catch2/catch.hpp>

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

// The seeds' examples (tutorial texts in /work/shared/seeds), in C++.
// Expected lines: tests/oracle/vclock.py on tests/engine/cpython/*.py.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace corolab;
using corolab::test::Log;
using corolab::test::seconds;
using Lines = std::vector<std::string>;

namespace {


Task<void> custom_sleep(Loop& loop, Log& log, bool blocking) {
  log("SLEEP " + seconds(loop.time()));
  if (blocking) {
    loop.block(1);  // time.sleep(1)
  } else {
    co_await sleep(1);
  }
}

Task<void> factorial(Loop& loop, Log& log, std::string name, int number, bool blocking) {
  long f = 1;
  for (int i = 2; i <= number; ++i) {
    log("Task " + name + ": Compute factorial(" + std::to_string(i) + ")");
    co_await custom_sleep(loop, log, blocking);
    f *= i;
  }
  log("Task " + name + ": factorial(" + std::to_string(number) + ") is " + std::to_string(f));
}

Lines run_factorials(bool blocking) {
  Loop loop;
  Log log(loop);
  std::vector<TaskHandle<void>> tasks{create_task(loop, factorial(loop, log, "A", 3, blocking)),
                                      create_task(loop, factorial(loop, log, "B", 4, blocking))};
  run_until_complete(loop, wait(tasks));
  log("Total time: " + seconds(loop.time()));
  return log.tsv();
}

}  // namespace

TEST_CASE("seed 003: factorials with asyncio.sleep overlap and take 3 s") {
  // cpython/factorial_async.py
  CHECK(run_factorials(false) == Lines{
                                     "0.000\tTask A: Compute factorial(2)",
                                     "0.000\tSLEEP 0.0",
                                     "0.000\tTask B: Compute factorial(2)",
                                     "0.000\tSLEEP 0.0",
                                     "1.000\tTask A: Compute factorial(3)",
                                     "1.000\tSLEEP 1.0",
                                     "1.000\tTask B: Compute factorial(3)",
                                     "1.000\tSLEEP 1.0",
                                     "2.000\tTask A: factorial(3) is 6",
                                     "2.000\tTask B: Compute factorial(4)",
                                     "2.000\tSLEEP 2.0",
                                     "3.000\tTask B: factorial(4) is 24",
                                     "3.000\tTotal time: 3.0",
                                 });
}

TEST_CASE("seed 003: factorials with time.sleep block the loop and take 5 s") {
  // cpython/factorial_blocking.py
  CHECK(run_factorials(true) == Lines{
                                    "0.000\tTask A: Compute factorial(2)",
                                    "0.000\tSLEEP 0.0",
                                    "1.000\tTask A: Compute factorial(3)",
                                    "1.000\tSLEEP 1.0",
                                    "2.000\tTask A: factorial(3) is 6",
                                    "2.000\tTask B: Compute factorial(2)",
                                    "2.000\tSLEEP 2.0",
                                    "3.000\tTask B: Compute factorial(3)",
                                    "3.000\tSLEEP 3.0",
                                    "4.000\tTask B: Compute factorial(4)",
                                    "4.000\tSLEEP 4.0",
                                    "5.000\tTask B: factorial(4) is 24",
                                    "5.000\tTotal time: 5.0",
                                });
}

TEST_CASE("seeds 000/004: Hello 1 and Hello 2 both print at t = 1") {
  // cpython/hello.py
  Loop loop;
  Log log(loop);
  auto say = [&](std::string text) -> Task<void> {
    co_await sleep(1);
    log(text);
  };
  log("start");
  // gather() outside a task: the loop must be current (get_event_loop()).
  loop.make_current();
  run_until_complete(loop, gather(say("Hello 1!"), say("Hello 2!")));
  log("exit");
  CHECK(log.tsv() == Lines{"0.000\tstart", "1.000\tHello 1!", "1.000\tHello 2!", "1.000\texit"});
}

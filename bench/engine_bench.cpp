// Engine benchmarks (bench/README.md): the same workloads as
// bench/asyncio_bench.py. Prints one "<key> <value>" line per figure.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <random>
#include <vector>

#include "corolab/corolab.hpp"

using namespace corolab;

// ---- live heap bytes (for memory per sleeping task) ----
namespace {
size_t g_live_bytes = 0;
}
void* operator new(size_t n) {
  auto* p = static_cast<size_t*>(std::malloc(n + 16));
  if (!p) throw std::bad_alloc();
  *p = n;
  g_live_bytes += n;
  return reinterpret_cast<char*>(p) + 16;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  auto* h = reinterpret_cast<size_t*>(static_cast<char*>(p) - 16);
  g_live_bytes -= *h;
  std::free(h);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }
// Over-aligned allocations (the timer heap's cache-line-aligned arrays).
void* operator new(size_t n, std::align_val_t al) {
  size_t a = std::max(size_t(al), size_t(16));
  auto* raw = static_cast<char*>(std::aligned_alloc(a, (n + a + a - 1) / a * a));
  if (!raw) throw std::bad_alloc();
  *reinterpret_cast<size_t*>(raw + a - 16) = n;
  g_live_bytes += n;
  return raw + a;
}
void operator delete(void* p, std::align_val_t al) noexcept {
  if (!p) return;
  size_t a = std::max(size_t(al), size_t(16));
  char* raw = static_cast<char*>(p) - a;
  g_live_bytes -= *reinterpret_cast<size_t*>(raw + a - 16);
  std::free(raw);
}
void operator delete(void* p, size_t, std::align_val_t al) noexcept { operator delete(p, al); }

namespace {

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// W1: 1,000 tasks each doing sleep(0) 1,000 times.
Task<void> yielder(int n) {
  for (int i = 0; i < n; ++i) co_await sleep(0);
}
double w1_switches_per_s() {
  Loop loop;
  const int tasks = 1000, yields = 1000;
  std::vector<TaskHandle<void>> ts;
  for (int i = 0; i < tasks; ++i) ts.push_back(create_task(loop, yielder(yields)));
  double t0 = now();
  loop.make_current();
  run_until_complete(loop, gather(ts));
  return double(tasks) * yields / (now() - t0);
}

// W2: 200,000 tasks each sleeping a distinct random delay (virtual clock).
Task<void> sleeper(double d) { co_await sleep(d); }
double w2_timers_per_s() {
  Loop loop;
  const int n = 200000;
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> delay(0.0, 1000.0);
  std::vector<double> delays(n);  // drawn before the clock starts: W2 times timers, not the RNG
  for (double& d : delays) d = delay(rng);
  double t0 = now();
  std::vector<TaskHandle<void>> ts;
  ts.reserve(n);
  for (int i = 0; i < n; ++i) ts.push_back(create_task(loop, sleeper(delays[i])));
  loop.make_current();
  run_until_complete(loop, gather(ts));
  return n / (now() - t0);
}

// W3: spawn and gather 100,000 trivial tasks.
Task<int> trivial(int i) { co_return i; }
Task<int64_t> spawn_all(int n) {
  std::vector<TaskHandle<int>> ts;
  ts.reserve(n);
  for (int i = 0; i < n; ++i) ts.push_back(create_task(trivial(i)));
  auto rs = co_await gather(ts);
  int64_t sum = 0;
  for (int r : rs) sum += r;
  co_return sum;
}
double w3_tasks_per_s() {
  Loop loop;
  const int n = 100000;
  double t0 = now();
  int64_t sum = run_until_complete(loop, spawn_all(n));
  double dt = now() - t0;
  if (sum != int64_t(n) * (n - 1) / 2) std::abort();
  return n / dt;
}

// W4: 100,000 nested awaits; the native stack depth seen at the bottom.
uintptr_t g_top_sp = 0, g_bottom_sp = 0;
[[gnu::noinline]] uintptr_t stack_pointer() { return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)); }
Task<int> nest(int depth) {
  if (depth == 0) {
    g_bottom_sp = stack_pointer();
    co_return 0;
  }
  co_return co_await nest(depth - 1) + 1;
}
Task<int> nest_root(int depth) {
  g_top_sp = stack_pointer();
  co_return co_await nest(depth);
}
double w4_seconds() {
  Loop loop;
  double t0 = now();
  if (run_until_complete(loop, nest_root(100000)) != 100000) std::abort();
  return now() - t0;
}

// Memory: heap bytes per task sleeping in sleep(d).
double bytes_per_sleeping_task() {
  Loop loop;
  const int n = 100000;
  std::vector<TaskHandle<void>> ts;
  ts.reserve(n);
  loop.call_soon([] {});
  loop.run_once();  // let the loop's own arrays reach their steady size first
  size_t before = g_live_bytes;
  for (int i = 0; i < n; ++i) ts.push_back(create_task(loop, sleeper(1.0 + i)));
  loop.run_once();  // every task now sleeps
  double per = double(g_live_bytes - before) / n;
  loop.stop();
  return per;
}

}  // namespace

// No argument: every figure. Otherwise only the named ones (W1 W2 W3 W4
// mem), e.g. `engine_bench W2` under perf or callgrind.
int main(int argc, char** argv) {
  auto wanted = [&](const char* key) {
    if (argc < 2) return true;
    for (int i = 1; i < argc; ++i)
      if (std::strcmp(argv[i], key) == 0) return true;
    return false;
  };
  if (wanted("W1")) std::printf("W1_switches_per_s %.0f\n", w1_switches_per_s());
  if (wanted("W2")) std::printf("W2_timers_per_s %.0f\n", w2_timers_per_s());
  if (wanted("W3")) std::printf("W3_tasks_per_s %.0f\n", w3_tasks_per_s());
  if (wanted("W4")) {
    std::printf("W4_seconds %.4f\n", w4_seconds());
    long depth = long(g_top_sp) - long(g_bottom_sp);
    std::printf("W4_stack_bytes %ld\n", depth < 0 ? -depth : depth);
  }
  if (wanted("mem")) std::printf("bytes_per_sleeping_task %.0f\n", bytes_per_sleeping_task());
  return 0;
}

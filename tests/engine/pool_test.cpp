// The engine's pool (pool.hpp): reuse, alignment, accounting through
// operator new, and memory returned once nothing is in use. Its own
// executable: it replaces the global operator new to count bytes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

#include "corolab/corolab.hpp"

using namespace corolab;

namespace {
size_t g_new_bytes = 0;     // bytes requested from operator new and not yet deleted
size_t g_new_calls = 0;
}  // namespace

void* operator new(size_t n) {
  void* p = std::malloc(n + 16);
  if (!p) throw std::bad_alloc();
  *static_cast<size_t*>(p) = n;
  g_new_bytes += n;
  ++g_new_calls;
  return static_cast<char*>(p) + 16;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  char* raw = static_cast<char*>(p) - 16;
  g_new_bytes -= *reinterpret_cast<size_t*>(raw);
  std::free(raw);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }
// The other forms forward here (a sanitizer runtime would otherwise pair
// its own new with this delete).
void* operator new[](size_t n) { return operator new(n); }
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete[](void* p, size_t) noexcept { operator delete(p); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  try {
    return operator new(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p, const std::nothrow_t&) noexcept { operator delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { operator delete(p); }
// Over-aligned (the timer heap's cache-line-aligned arrays): counted too.
void* operator new(size_t n, std::align_val_t al) {
  size_t a = std::max(size_t(al), size_t(16));
  auto* raw = static_cast<char*>(std::aligned_alloc(a, (n + a + a - 1) / a * a));
  if (!raw) throw std::bad_alloc();
  *reinterpret_cast<size_t*>(raw + a - 16) = n;
  g_new_bytes += n;
  ++g_new_calls;
  return raw + a;
}
void operator delete(void* p, std::align_val_t al) noexcept {
  if (!p) return;
  size_t a = std::max(size_t(al), size_t(16));
  char* raw = static_cast<char*>(p) - a;
  g_new_bytes -= *reinterpret_cast<size_t*>(raw + a - 16);
  std::free(raw);
}
void operator delete(void* p, size_t, std::align_val_t al) noexcept { operator delete(p, al); }

namespace {
Task<int> sleeper(double d) {
  co_await sleep(d);
  co_return 7;
}
}  // namespace

TEST_CASE("pool: nothing is in use between tests") {
  CHECK(pool::stats().live_blocks == 0);
  CHECK(pool::stats().chunk_bytes == 0);
}

TEST_CASE("pool: a freed block is the next one handed out (same size class)") {
  void* keep = pool::allocate(48);  // keeps the class's chunk alive
  void* a = pool::allocate(40);
  pool::deallocate(a, 40);
  void* b = pool::allocate(48);
  CHECK(b == a);
  pool::deallocate(b, 48);
  pool::deallocate(keep, 48);
}

TEST_CASE("pool: every size is aligned for any object") {
  std::vector<std::pair<void*, size_t>> blocks;
  for (size_t n = 1; n <= pool::kMaxPooled + 64; ++n) {
    for (int i = 0; i < 3; ++i) {
      void* p = pool::allocate(n);
      CHECK(reinterpret_cast<uintptr_t>(p) % alignof(std::max_align_t) == 0);
      blocks.emplace_back(p, n);
    }
  }
  // Distinct blocks do not overlap: fill each, then check the fill.
  for (auto [p, n] : blocks) std::memset(p, static_cast<int>(n & 0xff), n);
  for (auto [p, n] : blocks) CHECK(static_cast<unsigned char*>(p)[n - 1] == static_cast<unsigned char>(n & 0xff));
  for (auto [p, n] : blocks) pool::deallocate(p, n);
  CHECK(pool::stats().live_blocks == 0);
}

TEST_CASE("pool: chunks come from operator new and go back when nothing is in use") {
  std::vector<void*> blocks;
  blocks.reserve(10000);
  size_t bytes0 = g_new_bytes;
  for (int i = 0; i < 10000; ++i) blocks.push_back(pool::allocate(80));
  CHECK(pool::stats().live_blocks == 10000);
  CHECK(pool::stats().chunk_bytes >= 10000 * 80);
  CHECK(pool::stats().chunk_bytes < 10000 * 80 + 64 * 1024);  // at most one chunk of slack
  CHECK(g_new_bytes - bytes0 == pool::stats().chunk_bytes);   // every pooled byte was seen by operator new
  for (size_t i = 0; i + 1 < blocks.size(); ++i) pool::deallocate(blocks[i], 80);
  CHECK(pool::stats().chunk_bytes > 0);  // one block still in use keeps its class
  pool::deallocate(blocks.back(), 80);
  CHECK(pool::stats().chunk_bytes == 0);
  CHECK(g_new_bytes == bytes0);
}

TEST_CASE("pool: a class going from one block to none and back reuses nothing stale") {
  size_t calls0 = g_new_calls;
  for (int i = 0; i < 100; ++i) {
    auto* p = static_cast<int*>(pool::allocate(sizeof(int)));
    *p = i;
    CHECK(*p == i);
    pool::deallocate(p, sizeof(int));
  }
  CHECK(g_new_calls - calls0 == 100);  // one small chunk each time, as malloc would
  CHECK(pool::stats().chunk_bytes == 0);
}

TEST_CASE("pool: sizes above kMaxPooled go straight to operator new") {
  size_t bytes0 = g_new_bytes;
  void* p = pool::allocate(pool::kMaxPooled + 1);
  CHECK(g_new_bytes - bytes0 == pool::kMaxPooled + 1);
  CHECK(pool::stats().chunk_bytes == 0);
  pool::deallocate(p, pool::kMaxPooled + 1);
  CHECK(g_new_bytes == bytes0);
}

TEST_CASE("pool: tasks and coroutine frames come from the pool and are returned when the run ends") {
  size_t bytes0 = g_new_bytes;
  {
    Loop loop;
    std::vector<TaskHandle<int>> ts;
    for (int i = 0; i < 1000; ++i) ts.push_back(create_task(loop, sleeper(1.0 + i % 7)));
    CHECK(pool::stats().live_blocks == 2000);  // a task and its root frame each
    loop.make_current();  // gather() binds to the running loop
    auto all = run_until_complete(loop, gather(ts));
    CHECK(all.size() == 1000);
    CHECK(all[999] == 7);
  }
  CHECK(pool::stats().live_blocks == 0);
  CHECK(pool::stats().chunk_bytes == 0);
  CHECK(g_new_bytes == bytes0);  // the loop, its arrays and the pool gave everything back
}

// Issue 8's memory figure (bench/engine_bench.cpp "mem"), as a regression
// guard: what 50,000 tasks sleeping in sleep(d) add to the heap, all
// included (pool chunks, timer arrays, the ready queue).
TEST_CASE("pool: a sleeping task costs at most 270 heap bytes at 50,000 tasks (64-bit; 298+ before the pool)") {
  if (sizeof(void*) != 8) return;  // Wasm is smaller (pointers are 4 bytes)
  CHECK(sizeof(detail::TaskState<void>) == 112);
  const int n = 50000;
  Loop loop;
  std::vector<TaskHandle<int>> ts;
  ts.reserve(n);
  loop.call_soon([] {});
  loop.run_once();
  size_t before = g_new_bytes;
  for (int i = 0; i < n; ++i) ts.push_back(create_task(loop, sleeper(1.0 + i)));
  loop.run_once();  // every task now sleeps
  CHECK(loop.timer_count() == size_t(n));
  double per_task = double(g_new_bytes - before) / n;
  CHECK(per_task <= 270);  // 259 now: 192 in the pool, the rest the timer arrays with their slack
  loop.stop();
}

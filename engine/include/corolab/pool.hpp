// pool: the engine's allocator for small, short-lived objects of many
// sizes: coroutine frames (Task<T>'s promise) and futures and tasks
// (FutureBase). Each pays one free-list pop or push instead of malloc and
// free, and objects of one size sit densely in shared chunks.
//
// - Size classes: 16-byte steps up to kMaxPooled bytes; larger requests go
//   straight to ::operator new / ::operator delete.
// - Alignment: every block is aligned to alignof(std::max_align_t) (what
//   ::operator new gives), which is what coroutine frames and the engine's
//   objects need.
// - Reuse: last freed, first reused (a hot block is still in cache).
// - Accounting: chunks come from ::operator new, so a replaced operator new
//   (the interpreter's metered one) sees and limits every byte the pool
//   holds; blocks are not counted one by one.
// - Return: when a size class has no block in use, all its chunks are
//   freed at once (so a run that ends frees everything it pooled, and the
//   next run is charged for its own memory). Chunks double from 8 blocks
//   up to 64 KB, so a class that keeps going from one block in use to none
//   costs one small allocation, as without the pool.
// - Cost: allocate and deallocate O(1) (a chunk allocation or a class's
//   release is O(chunks)). Not thread-safe: the engine is single-threaded.
// Under AddressSanitizer free blocks are poisoned, so a use after free
// is still reported.
#pragma once
#include <cstddef>
#include <cstdint>

#if defined(__SANITIZE_ADDRESS__)
#define COROLAB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COROLAB_ASAN 1
#endif
#endif
#if defined(COROLAB_ASAN)
#include <sanitizer/asan_interface.h>
#define COROLAB_POOL_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define COROLAB_POOL_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define COROLAB_POOL_POISON(p, n) ((void)(p), (void)(n))
#define COROLAB_POOL_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace corolab::pool {

constexpr size_t kGranule = 16;
constexpr size_t kMaxPooled = 512;
constexpr size_t kClasses = kMaxPooled / kGranule;

namespace detail {
struct FreeBlock {
  FreeBlock* next;
};
struct Chunk;
struct SizeClass {
  FreeBlock* free = nullptr;  // freed blocks, last freed first
  char* bump = nullptr;       // the newest chunk's never-used tail
  char* bump_end = nullptr;
  Chunk* chunks = nullptr;    // every chunk of this class
  size_t live = 0;            // blocks handed out and not yet returned
  size_t chunk_bytes = 0;     // bytes held in chunks
  size_t next_blocks = 0;     // blocks in the next chunk (0 = first chunk)
};
inline SizeClass classes[kClasses];

constexpr size_t class_of(size_t n) { return (n + kGranule - 1) / kGranule - 1; }
void* refill(SizeClass& c, size_t block);  // pool.cpp: a new chunk
void release(SizeClass& c) noexcept;       // pool.cpp: frees every chunk
void* allocate_large(size_t n);
void deallocate_large(void* p, size_t n) noexcept;
}  // namespace detail

inline void* allocate(size_t n) {
  if (n == 0 || n > kMaxPooled) return detail::allocate_large(n);
  detail::SizeClass& c = detail::classes[detail::class_of(n)];
  size_t block = (detail::class_of(n) + 1) * kGranule;
  void* p;
  if (c.free) {
    detail::FreeBlock* b = c.free;
    COROLAB_POOL_UNPOISON(b, block);
    c.free = b->next;
    p = b;
  } else if (c.bump != c.bump_end) {
    p = c.bump;
    c.bump += block;
    COROLAB_POOL_UNPOISON(p, block);
  } else {
    p = detail::refill(c, block);
  }
  ++c.live;
  return p;
}

// n must be the size given to allocate (sized delete passes it).
inline void deallocate(void* p, size_t n) noexcept {
  if (n == 0 || n > kMaxPooled) return detail::deallocate_large(p, n);
  detail::SizeClass& c = detail::classes[detail::class_of(n)];
  if (--c.live == 0) {
    detail::release(c);
    return;
  }
  auto* b = static_cast<detail::FreeBlock*>(p);
  b->next = c.free;
  c.free = b;
  COROLAB_POOL_POISON(p, (detail::class_of(n) + 1) * kGranule);
}

// What the pool holds now (tests, benchmarks).
struct Stats {
  size_t chunk_bytes = 0;  // bytes of chunks, all classes (what operator new saw)
  size_t live_blocks = 0;  // blocks in use, all classes
};
Stats stats() noexcept;

// Mixed into a class (or a promise type) to allocate it from the pool.
// Sized delete: a class with a virtual destructor gets the dynamic size.
struct Pooled {
  static void* operator new(size_t n) { return allocate(n); }
  static void operator delete(void* p, size_t n) noexcept { deallocate(p, n); }
};

}  // namespace corolab::pool

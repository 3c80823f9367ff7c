#include "corolab/pool.hpp"

#include <algorithm>
#include <new>

namespace corolab::pool {

namespace detail {

// A chunk's header; its blocks follow (the header keeps them aligned).
struct alignas(alignof(std::max_align_t)) Chunk {
  Chunk* next;
  size_t bytes;
};

constexpr size_t kFirstBlocks = 8;
constexpr size_t kMaxChunkBytes = 64 * 1024;

void* refill(SizeClass& c, size_t block) {
  size_t blocks = c.next_blocks ? c.next_blocks : kFirstBlocks;
  size_t bytes = sizeof(Chunk) + blocks * block;
  auto* chunk = static_cast<Chunk*>(::operator new(bytes));
  chunk->next = c.chunks;
  chunk->bytes = bytes;
  c.chunks = chunk;
  c.chunk_bytes += bytes;
  c.next_blocks = std::max(blocks, std::min(blocks * 2, (kMaxChunkBytes - sizeof(Chunk)) / block));
  char* first = reinterpret_cast<char*>(chunk + 1);
  c.bump = first + block;
  c.bump_end = first + blocks * block;
  COROLAB_POOL_POISON(c.bump, c.bump_end - c.bump);
  return first;
}

void release(SizeClass& c) noexcept {
  for (Chunk* k = c.chunks; k;) {
    Chunk* next = k->next;
    COROLAB_POOL_UNPOISON(k, k->bytes);
    ::operator delete(k, k->bytes);
    k = next;
  }
  c = SizeClass{};
}

void* allocate_large(size_t n) { return ::operator new(n); }
void deallocate_large(void* p, size_t n) noexcept { ::operator delete(p, n); }

}  // namespace detail

Stats stats() noexcept {
  Stats s;
  for (const detail::SizeClass& c : detail::classes) {
    s.chunk_bytes += c.chunk_bytes;
    s.live_blocks += c.live;
  }
  return s;
}

}  // namespace corolab::pool

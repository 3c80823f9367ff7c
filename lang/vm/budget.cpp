// The run's meters (see budget.hpp) and the process's operator new/delete,
// replaced so that every allocation is counted where it is made.
#include "lang/vm/budget.hpp"

#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

namespace corolab::lang {

// The one place that reads and writes the meters.
struct Meter {
    static inline std::int64_t live = 0;           // bytes allocated and not freed, process-wide
    static inline RunBudget* scope = nullptr;      // the run being metered, if any

    static std::int64_t used() { return scope ? live - scope->base : 0; }

    // Before an allocation: refuse one that would pass the hard ceiling.
    static bool fits(std::size_t n) {
        return !scope || used() + static_cast<std::int64_t>(n) <= static_cast<std::int64_t>(scope->hard_limit);
    }
    static void allocated(std::size_t n) {
        live += static_cast<std::int64_t>(n);
        // Over the budget: make the VM look at its budgets at once.
        if (scope && used() > static_cast<std::int64_t>(scope->memory_limit) && scope->hooks.interrupt)
            *scope->hooks.interrupt = 0;
    }
    static void allocated(void* p) { allocated(malloc_usable_size(p)); }
    static void freed(std::size_t n) { live -= static_cast<std::int64_t>(n); }
    static void freed(void* p) { freed(malloc_usable_size(p)); }
};

void RunBudget::start(std::size_t limit) {
    memory_limit = limit;
    hard_limit = limit + limit / 8 + (2u << 20);
    base = Meter::live;
}

BudgetScope::BudgetScope(RunBudget* b) : prev_(Meter::scope) { Meter::scope = b; }
BudgetScope::~BudgetScope() { Meter::scope = prev_; }

std::size_t memory_in_use() {
    std::int64_t u = Meter::used();
    return u > 0 ? static_cast<std::size_t>(u) : 0;
}

bool check_memory() { return reserve_memory(0); }

std::string budget_message(const char* budget, std::size_t limit) {
    if (std::string_view(budget) == "memory") return "memory limit of " + std::to_string(limit) + " bytes reached";
    return "step limit of " + std::to_string(limit) + " reached";
}

bool reserve_memory(std::size_t bytes) {
    RunBudget* s = Meter::scope;
    if (!s) return true;
    if (Meter::used() + static_cast<std::int64_t>(bytes) <= static_cast<std::int64_t>(s->memory_limit)) return true;
    if (s->hooks.exhausted) s->hooks.exhausted(s->hooks.ctx, "memory", s->memory_limit);
    return false;
}

bool charge_steps(std::uint64_t n) {
    RunBudget* s = Meter::scope;
    if (!s || !s->hooks.steps) return true;
    std::uint64_t& steps = *s->hooks.steps;
    steps += n;
    if (steps <= s->hooks.step_limit) return true;
    if (s->hooks.exhausted) s->hooks.exhausted(s->hooks.ctx, "steps", static_cast<std::size_t>(s->hooks.step_limit));
    return false;
}

// ---- the small-object pool ------------------------------------------------------------------
namespace {

constexpr std::size_t kGrain = 16;  // block sizes are multiples of this, so blocks stay 16-aligned
constexpr std::size_t kClasses = kPoolMax / kGrain;
constexpr std::size_t kChunk = 64 * 1024;  // chunks are aligned to their size: a block finds its chunk

struct FreeBlock {
    FreeBlock* next;
};
struct alignas(kGrain) Chunk {
    Chunk* next;              // the pool's chunks
    std::size_t block;        // block size of its class
    std::size_t free_seen;    // pool_trim's count of its free blocks
};
constexpr std::size_t kHeader = (sizeof(Chunk) + kGrain - 1) / kGrain * kGrain;

struct Pool {
    FreeBlock* free[kClasses + 1] = {};  // by class (size / kGrain); 0 unused
    Chunk* chunks = nullptr;
    std::size_t nchunks = 0;
};
constinit Pool pool;

std::size_t blocks_per_chunk(std::size_t block) { return (kChunk - kHeader) / block; }
Chunk* chunk_of(const void* p) { return reinterpret_cast<Chunk*>(reinterpret_cast<std::uintptr_t>(p) & ~(kChunk - 1)); }

// Free blocks are poisoned under AddressSanitizer (a use after free of an
// object is still caught); the free list's link is read with it unpoisoned.
#if defined(__SANITIZE_ADDRESS__)
void poison(void* p, std::size_t n) { __asan_poison_memory_region(p, n); }
void unpoison(void* p, std::size_t n) { __asan_unpoison_memory_region(p, n); }
#else
void poison(void*, std::size_t) {}
void unpoison(void*, std::size_t) {}
#endif

FreeBlock* next_of(FreeBlock* b) {
    unpoison(b, sizeof(FreeBlock));
    FreeBlock* n = b->next;
    poison(b, sizeof(FreeBlock));
    return n;
}

void set_next(FreeBlock* b, FreeBlock* next) {
    unpoison(b, sizeof(FreeBlock));
    b->next = next;
    poison(b, sizeof(FreeBlock));
}

// A new chunk for class `c`, carved into its free list (lowest address first).
bool refill(std::size_t c) {
    void* mem = nullptr;
    if (posix_memalign(&mem, kChunk, kChunk) != 0 || !mem) return false;
    std::size_t block = c * kGrain;
    auto* ch = new (mem) Chunk{pool.chunks, block, 0};
    pool.chunks = ch;
    ++pool.nchunks;
    char* base = static_cast<char*>(mem) + kHeader;
    FreeBlock* head = nullptr;
    for (std::size_t i = blocks_per_chunk(block); i-- > 0;) {
        auto* b = reinterpret_cast<FreeBlock*>(base + i * block);
        b->next = head;
        head = b;
        poison(b, block);
    }
    pool.free[c] = head;
    return true;
}

}  // namespace

void* pool_allocate(std::size_t n) {
    if (n > kPoolMax) return ::operator new(n);
    std::size_t c = n <= kGrain ? 1 : (n + kGrain - 1) / kGrain;
    std::size_t block = c * kGrain;
    if (!Meter::fits(block) || (!pool.free[c] && !refill(c))) throw std::bad_alloc();
    FreeBlock* b = pool.free[c];
    unpoison(b, block);
    pool.free[c] = b->next;
    Meter::allocated(block);
    return b;
}

void pool_free(void* p, std::size_t n) noexcept {
    if (!p) return;
    if (n > kPoolMax) return ::operator delete(p);
    std::size_t c = n <= kGrain ? 1 : (n + kGrain - 1) / kGrain;
    auto* b = static_cast<FreeBlock*>(p);
    b->next = pool.free[c];
    pool.free[c] = b;
    poison(b, c * kGrain);
    Meter::freed(c * kGrain);
}

void pool_trim() {
    for (Chunk* ch = pool.chunks; ch; ch = ch->next) ch->free_seen = 0;
    for (FreeBlock* head : pool.free)
        for (FreeBlock* b = head; b; b = next_of(b)) ++chunk_of(b)->free_seen;
    auto unused = [](const Chunk* ch) { return ch->free_seen == blocks_per_chunk(ch->block); };
    // Drop the unused chunks' blocks from the free lists, keeping the order.
    for (FreeBlock*& head : pool.free) {
        FreeBlock* kept = nullptr;
        FreeBlock* last = nullptr;
        for (FreeBlock* b = head; b;) {
            FreeBlock* next = next_of(b);
            if (!unused(chunk_of(b))) {
                if (last) set_next(last, b);
                else kept = b;
                last = b;
            }
            b = next;
        }
        if (last) set_next(last, nullptr);
        head = kept;
    }
    for (Chunk** link = &pool.chunks; *link;) {
        Chunk* ch = *link;
        if (!unused(ch)) {
            link = &ch->next;
            continue;
        }
        *link = ch->next;
        --pool.nchunks;
        unpoison(ch, kChunk);
        std::free(ch);
    }
}

std::size_t pool_chunks() { return pool.nchunks; }

}  // namespace corolab::lang

// ---- the replaced global allocation functions --------------------------------------------
namespace {

using corolab::lang::Meter;

void* allocate(std::size_t n, std::size_t align, bool nothrow) {
    if (n == 0) n = 1;
    void* p = nullptr;
    if (Meter::fits(n)) {
        if (align <= alignof(std::max_align_t)) p = std::malloc(n);
        else if (posix_memalign(&p, align, n) != 0) p = nullptr;
    }
    if (!p) {
        if (nothrow) return nullptr;
        throw std::bad_alloc();
    }
    Meter::allocated(p);
    return p;
}

void deallocate(void* p) {
    if (!p) return;
    Meter::freed(p);
    std::free(p);
}

constexpr std::size_t kPlain = alignof(std::max_align_t);

}  // namespace

void* operator new(std::size_t n) { return allocate(n, kPlain, false); }
void* operator new[](std::size_t n) { return allocate(n, kPlain, false); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n, kPlain, true); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n, kPlain, true); }
void* operator new(std::size_t n, std::align_val_t a) { return allocate(n, static_cast<std::size_t>(a), false); }
void* operator new[](std::size_t n, std::align_val_t a) { return allocate(n, static_cast<std::size_t>(a), false); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return allocate(n, static_cast<std::size_t>(a), true); }
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return allocate(n, static_cast<std::size_t>(a), true); }

void operator delete(void* p) noexcept { deallocate(p); }
void operator delete[](void* p) noexcept { deallocate(p); }
void operator delete(void* p, std::size_t) noexcept { deallocate(p); }
void operator delete[](void* p, std::size_t) noexcept { deallocate(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { deallocate(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { deallocate(p); }
void operator delete(void* p, std::align_val_t) noexcept { deallocate(p); }
void operator delete[](void* p, std::align_val_t) noexcept { deallocate(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { deallocate(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { deallocate(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { deallocate(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { deallocate(p); }

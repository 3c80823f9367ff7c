// The run's meters (see budget.hpp) and the process's operator new/delete,
// replaced so that every allocation is counted where it is made.
#include "lang/vm/budget.hpp"

#include <malloc.h>

#include <cstdlib>
#include <string_view>
#include <new>

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
    static void allocated(void* p) {
        live += static_cast<std::int64_t>(malloc_usable_size(p));
        // Over the budget: make the VM look at its budgets at once.
        if (scope && used() > static_cast<std::int64_t>(scope->memory_limit) && scope->hooks.interrupt)
            *scope->hooks.interrupt = 0;
    }
    static void freed(void* p) { live -= static_cast<std::int64_t>(malloc_usable_size(p)); }
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

// Budgets a run's resources where they are allocated or spent.
//
// Memory: every C++ allocation of the process goes through the replaced
// operator new/delete of budget.cpp, which keeps the count of live bytes
// (as the allocator sized them). A run's memory use is that count minus its
// value when the run's BudgetScope opened, so strings, containers, bigints,
// frames, coroutine frames, tasks, timers, futures, the trace and buffered
// output are all counted, whoever allocates them.
//   - Going over the budget interrupts the VM at its next instruction (the
//     run then ends on the memory budget); engine loops check it too.
//   - An allocation that would go past the hard ceiling (budget + 12.5% + 2 MB)
//     throws std::bad_alloc before it is made; Session turns that into the
//     memory budget's stop. Code that allocates a block whose size the
//     scenario controls calls reserve_memory() first, so the common bombs
//     stop with a clean Python-level unwind instead.
// Steps: charge_steps() adds work proportional to an operation's size to
// the VM's step count.
//
// Single-threaded: one run meters at a time (the scopes nest; the innermost
// is current).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace corolab::lang {

// What a run's budgets need from the VM; the VM fills it in.
struct BudgetHooks {
    std::uint64_t* steps = nullptr;       // the VM's step counter
    std::uint64_t step_limit = 0;
    std::uint64_t* interrupt = nullptr;   // set to 0: the VM checks its budgets at the next instruction
    // Called once when a budget runs out ("steps", "memory"); sets the run's
    // fatal state (a pending exception).
    void (*exhausted)(void* ctx, const char* budget, std::size_t limit) = nullptr;
    void* ctx = nullptr;
};

// One run's budgets. start() takes the memory baseline (call it once, when
// the run begins); a BudgetScope makes it the metered run.
struct RunBudget {
    std::size_t memory_limit = 0;  // soft: going over interrupts the VM
    std::size_t hard_limit = 0;    // an allocation past this throws std::bad_alloc
    std::int64_t base = 0;         // live bytes when the run began
    BudgetHooks hooks;
    void start(std::size_t memory_limit);
};

// Makes `b` the metered run for its lifetime (scopes nest; the innermost is
// current). Between scopes, what the host allocates or frees still moves
// the count: a host freeing the output it took gives the bytes back.
class BudgetScope {
public:
    explicit BudgetScope(RunBudget* b);
    ~BudgetScope();
    BudgetScope(const BudgetScope&) = delete;
    BudgetScope& operator=(const BudgetScope&) = delete;

private:
    RunBudget* prev_;
};

// Bytes the current run has allocated and not freed (0 when none is metered).
std::size_t memory_in_use();
// False when the current run is over its memory budget (the run's fatal
// state is then set): the VM and the loop call it at their budget checks.
bool check_memory();
// Whether `bytes` more fit in the memory budget. False: the budget is gone
// (the run's fatal state is set: return Null / stop the operation).
bool reserve_memory(std::size_t bytes);
// Charges `n` extra steps for size-dependent work. False: the step budget is
// gone (fatal state set).
bool charge_steps(std::uint64_t n);

// The small-object pool every interpreter Object comes from (Object's
// operator new/delete, value.hpp): blocks of up to kPoolMax bytes in size
// classes of 16, carved from 64 KB chunks and reused through a free list
// per class, so an object costs a pop and a push instead of malloc and
// free. Metered like operator new: a block's bytes count as live while it
// is in use (the hard ceiling throws std::bad_alloc before one is handed
// out); free blocks, like malloc's free memory, are not a run's. Larger
// sizes go to operator new/delete. pool_free takes the size pool_allocate
// was given (Object's sized operator delete passes the dynamic type's).
inline constexpr std::size_t kPoolMax = 512;
void* pool_allocate(std::size_t n);
void pool_free(void* p, std::size_t n) noexcept;
// Gives back to malloc every chunk none of whose blocks is in use: called
// when a run's heap is torn down, so a page running many runs in one
// process does not keep one run's objects' memory for the next.
void pool_trim();
// Chunks the pool holds (for tests).
std::size_t pool_chunks();

// What a stop on `budget` ("memory", "steps") says: "memory limit of N bytes
// reached", "step limit of N reached".
std::string budget_message(const char* budget, std::size_t limit);

}  // namespace corolab::lang

// Frame: the execution state of one code object (locals, cells, value stack,
// block stack). Frames are heap-allocated (pooled by size) so generators and
// coroutines can suspend them, and Python-to-Python calls never recurse in C++.
#pragma once

#include "lang/compiler/code.hpp"
#include "lang/objects/objects.hpp"

namespace corolab::lang {

// How a finished or yielding frame hands its result to `back`.
enum class FrameMode : std::uint8_t {
    Call,      // return value pushed on the caller's stack
    Entry,     // return ends the current dispatch loop (C++ caller or driver)
    ForIter,   // generator driven by ForIter: yield pushes; return ends the loop
    Await,     // coroutine awaited: return value pushed
    AGenNext,  // async generator step: yield pushes; return raises StopAsyncIteration
    Send,      // generator resumed by yield from: yield pushes
    AGenClose, // async generator aclose(): return or GeneratorExit gives None; yield raises
};

struct Block {
    std::int32_t handler;  // instruction index; -1 for an active handler block
    std::int32_t level;    // stack depth to restore
};

inline constexpr int kMaxBlocks = 24;

struct Frame {
    Code* code = nullptr;
    Value func;          // the FunctionObj (Null for module code)
    DictObj* globals = nullptr;  // borrowed from func / module
    DictObj* ns = nullptr;       // module/class namespace (borrowed), else null
    Value ns_ref;        // keeps `ns` alive
    Frame* back = nullptr;
    GenObj* gen = nullptr;  // the generator owning this frame, if any
    int pc = 0;
    int sp = 0;          // stack depth (values above locals+cells)
    int nblocks = 0;
    FrameMode mode = FrameMode::Call;
    bool entry_nested = false;
    Value cur_exc;       // exception being handled in this frame (Null: none)
    Block blocks[kMaxBlocks];
    int nslots = 0;      // locals + cells + stack
    int nfixed = 0;      // locals + cells + free vars (free_frame reads no Code: it may be gone at teardown)
    Value slots[1];      // nlocals locals, ncells+nfree cells, then the stack

    Value* locals() { return slots; }
    Value* cells() { return slots + code->nlocals; }
    Value* stack() { return slots + code->nlocals + code->ncells + code->nfree; }
};

// Allocates a frame for `code` (slots all Null).
Frame* alloc_frame(Code* code);
// Releases the frame's references and returns it to the pool.
void free_frame(Frame* f);

}  // namespace corolab::lang

// Bytecode: the instruction set and the code object the compiler produces for
// each function, lambda, comprehension, class body and the module.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lang/objects/value.hpp"

namespace corolab::lang {

struct DictObj;

enum class Op : std::uint8_t {
    Nop,
    // stack
    PopTop, DupTop, DupTop2, RotTwo, RotThree,
    LoadConst, LoadFast, StoreFast, DeleteFast, LoadFastChecked,
    LoadDeref, StoreDeref, LoadClosure,
    LoadGlobal, StoreGlobal, DeleteGlobal,
    LoadName, StoreName, DeleteName,  // module / class namespaces
    LoadAttr, StoreAttr, DeleteAttr, LoadMethod,
    LoadSubscr, StoreSubscr, DeleteSubscr,
    // operators (arg = BinOpKind / CmpOpKind / UnaryOpKind)
    BinaryOp, InplaceOp, CompareOp, UnaryOp,
    // jumps (arg = target instruction index)
    Jump, PopJumpIfFalse, PopJumpIfTrue, JumpIfFalseOrPop, JumpIfTrueOrPop,
    GetIter, ForIter,
    // building
    BuildTuple, BuildList, BuildSet, BuildMap, BuildSlice, BuildString,
    ListAppend, SetAdd, MapAdd,            // arg = depth of the collection
    ListExtend, SetUpdate, DictUpdate, ListToTuple,
    FormatValue,                           // arg: conversion | (has_spec << 8)
    UnpackSequence, UnpackEx,              // UnpackEx arg: before | (after << 8)
    // calls
    CallFunction, CallKw, CallEx, CallMethod, MakeFunction,
    ReturnValue, YieldValue, GetAwaitable, Await, GetAIter, GetANext, EndAsyncFor,
    // exceptions
    SetupExcept, PopBlock, PopExcept, Raise, Reraise, CheckExcMatch,
    // except* (see Compiler::try_star): ExcStarMatch arg = target when the clause does not match
    ExcStarBegin, ExcStarMatch, ExcStarCollect, ExcStarEnd,
    BeforeWith, BeforeAsyncWith, WithExitNormal, WithExcept,
    LoadBuildClass, ImportName, ImportFrom, LoadAssertionError,
    SetupAnnotations, PrintExpr,
    // `yield from`: sends TOS to the iterator below it; pushes what it
    // yields, or when it ends replaces it with its value and jumps to arg
    YieldFromSend,
    // Superinstructions: never emitted, made by fuse_superinstructions()
    // from a pair (or triple) of the ops above. A fused op replaces only the
    // first op; it keeps that op's arg, and the ops after it stay in place
    // (a jump to them runs them alone). It reads the next ops' args from
    // the code and skips them, or, when its fast case does not apply, does
    // what its first op does and lets the next ones run as usual.
    // (LoadFast here: LoadFast or LoadFastChecked)
    LoadFastLoadFast,     // LoadFast a; LoadFast b
    LoadFastLoadConst,    // LoadFast a; LoadConst c
    LoadFastConstBinary,  // LoadFast a; LoadConst c; BinaryOp/InplaceOp: ints, + - *
    LoadFastConstCompare, // LoadFast a; LoadConst c; CompareOp: ints
    CompareJump,          // CompareOp; PopJumpIfFalse/PopJumpIfTrue: ints
    ForIterStoreFast,     // ForIter; StoreFast x: range iterators
};

struct Instr {
    Op op;
    std::int32_t arg;
};

// MakeFunction flags (arg of MakeFunction = code index | flags << 16)
enum : int { kFnDefaults = 1, kFnKwDefaults = 2, kFnClosure = 4, kFnAnnotations = 8 };

struct Code {
    std::string name, qualname;
    int firstline = 0;  // line of the def (or lambda / class)
    Value doc;          // the docstring (str) or Null
    std::vector<Instr> code;
    std::vector<int> lines;        // source line of each instruction
    std::vector<Value> consts;
    std::vector<Value> names;      // interned str
    // Per name, hints checked by key identity before use (a stale one only
    // costs a lookup): `slot`, the dict entry where the VM last found the
    // name; for a builtin (str, len, range), the globals dict that lacked it
    // with that dict's keys_version then, and its entry among the builtins
    // (valid while those globals gain or lose no key).
    struct NameHint {
        std::int32_t slot = -1;
        std::int32_t builtin_slot = -1;
        std::uint32_t version = 0;
        const DictObj* globals = nullptr;
    };
    std::vector<NameHint> name_hints;
    // Per name, the attribute caches of LoadAttr/LoadMethod (lang/vm/vm.cpp):
    // `module_slot`, the entry of a module's dict where the name was last
    // found (checked by key identity, like `slot` above); `type` and
    // `method`, the function a builtin type's MRO gave for the name (builtin
    // types' dicts never change, so it stays that type's answer).
    struct AttrHint {
        std::int32_t module_slot = -1;
        Value type;
        Value method;
    };
    std::vector<AttrHint> attr_hints;
    std::vector<Value> local_names;  // str, one per slot
    std::vector<Code*> children;   // nested code objects (owned by the Program)
    int nlocals = 0;     // slots (params first)
    int nargs = 0;       // positional params (incl. posonly)
    int nposonly = 0;
    int nkwonly = 0;
    bool varargs = false, varkw = false;
    int ncells = 0;      // cellvars
    int nfree = 0;       // freevars
    std::vector<int> cell_from_slot;  // for each cellvar: the param slot it copies, or -1
    int stacksize = 0;
    bool is_generator = false, is_coroutine = false, is_async_gen = false;
    bool is_module = false, is_class = false;
    bool library = false;  // a stdlib module's code (lang/modules/*.py): not in tracebacks
    // True when a call can bind positional args straight into slots.
    bool simple_args() const { return !varargs && !varkw && nkwonly == 0; }
};

// Replaces common op sequences of `c` by the superinstructions above (the
// compiler calls it once per finished code object; tests call it to compare).
void fuse_superinstructions(Code& c);

// All code objects of one compiled file.
struct Program {
    std::vector<std::unique_ptr<Code>> codes;
    Code* module = nullptr;
};

}  // namespace corolab::lang

// Layouts of the runtime's heap objects (one struct per Python type family).
// Behaviour lives in the file named for each family (str.cpp, dict.cpp, ...);
// generic operations on Values (repr, hash, equality, arithmetic, iteration)
// are in ops.hpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "lang/num/bigint.hpp"
#include "lang/objects/value.hpp"

namespace corolab::lang {

struct Code;
struct Frame;
struct DictObj;

// The C++ layout of an object; every object's `kind` says which struct it is.
enum class Kind : std::uint8_t {
    Object, BigInt, Str, List, Tuple, Dict, Set, Range, Slice, Cell,
    Function, Builtin, Method, Class, Instance, Exception, Module,
    Property, StaticMethod, ClassMethod, Super,
    Generator, Coroutine, AsyncGen, AsyncGenStep,
    Iterator,  // builtin iterators (IterObj)
    Native,    // objects of the modules (tasks, futures, locks...): NativeObj
};

struct Obj : Object {
    Kind kind;
    explicit Obj(Kind k, ClassObj* c) : kind(k) { cls = c; }
};

inline Kind kind_of(const Value& v) { return static_cast<Obj*>(v.o)->kind; }
inline bool is_kind(const Value& v, Kind k) { return v.tag == Tag::Obj && static_cast<Obj*>(v.o)->kind == k; }

struct BigIntObj : Obj {
    num::BigInt value;
    explicit BigIntObj(num::BigInt v);
};

// UTF-8 text. Length and indexing count code points; `ascii` strings index
// bytes directly.
struct StrObj : Obj {
    std::string s;
    mutable std::int64_t hash = -1;
    std::int64_t cp_len;  // length in code points
    bool ascii;
    explicit StrObj(std::string text);
    // A text whose length the maker already knows (digits, a join): not recounted.
    StrObj(std::string text, std::int64_t cp_len, bool ascii);
};

struct TupleObj : Obj {
    std::vector<Value> items;
    TupleObj();
    void clear_refs() override { items.clear(); }
};

struct ListObj : Obj {
    std::vector<Value> items;
    ListObj();
    void clear_refs() override { items.clear(); }
};

// Insertion-ordered hash map with Python's key semantics (1 == 1.0 == True).
// Lookup O(1) average; deletion leaves a hole compacted on growth.
struct DictObj : Obj {
    struct Entry {
        std::int64_t hash;
        Value key;  // Null: deleted
        Value value;
    };
    std::vector<Entry> entries;
    std::vector<std::int32_t> index;  // -1 empty, else entry position; size power of 2
    std::size_t used = 0;
    std::uint32_t keys_version = 0;  // changes whenever a key is added or removed
    DictObj();
    void clear_refs() override { entries.clear(); index.clear(); used = 0; ++keys_version; }
};

// Sets reuse the dict's table (values unused).
struct SetObj : Obj {
    DictObj* table;  // owned
    bool frozen = false;
    SetObj();
    ~SetObj() override;
    void clear_refs() override;
};

// range (lang/objects/range.cpp). Bounds and length that fit in 64 bits live in the
// int64 fields; past that, big() is true and the *_v Python ints hold them.
struct RangeObj : Obj {
    std::int64_t start, stop, step;
    Value start_v, stop_v, step_v, len_v;  // set only for a range past 64 bits
    RangeObj(std::int64_t a, std::int64_t b, std::int64_t c);
    bool big() const { return !len_v.is_null(); }
    std::int64_t length() const;  // the fast form only
    void clear_refs() override { start_v = Value(); stop_v = Value(); step_v = Value(); len_v = Value(); }
};

struct SliceObj : Obj {
    Value start, stop, step;
    SliceObj();
    void clear_refs() override { start = Value(); stop = Value(); step = Value(); }
};

struct CellObj : Obj {
    Value value;  // Null: empty cell
    CellObj();
    void clear_refs() override { value = Value(); }
};

struct FunctionObj : Obj {
    Code* code;  // shared, owned by the compiled program
    Value name;     // str
    Value qualname; // str
    DictObj* globals;
    std::vector<Value> defaults;     // for the last positional params
    Value kwdefaults;                // dict or Null
    std::vector<Value> closure;      // cells
    Value dict;                      // attribute dict (Null until needed)
    FunctionObj(Code* c, DictObj* g);
    ~FunctionObj() override;
    void clear_refs() override;
};

struct CallArgs;
using BuiltinFnPtr = Value (*)(Value* args, int nargs, const CallArgs& call);

// A C++ function. `self` (may be Null) is bound for methods of objects.
struct BuiltinObj : Obj {
    const char* name;
    BuiltinFnPtr fn;
    // A method of a builtin type (add_method): the type its first argument
    // must have when it is called unbound (`list.append(x, 1)`); null for
    // plain functions and for methods called on the class (`datetime.now()`).
    ClassObj* self_type = nullptr;
    Value self;
    Value data;  // extra state for closures made by modules
    BuiltinObj(const char* n, BuiltinFnPtr f);
    void clear_refs() override { self = Value(); data = Value(); }
};

struct MethodObj : Obj {
    Value func, self;
    MethodObj(Value f, Value s);
    void clear_refs() override { func = Value(); self = Value(); }
};

// Both builtin types and user classes. Attribute lookup walks `mro`.
struct ClassObj : Obj {
    std::string name;
    std::string module;             // repr prefix ("_asyncio", "__main__"); "" for builtins
    std::vector<ClassObj*> bases;   // references held in `bases_ref`
    std::vector<ClassObj*> mro;     // self first
    std::vector<Value> bases_ref;
    DictObj* dict;                  // owned
    Kind instance_kind = Kind::Instance;  // layout of its instances
    bool is_exception = false;      // derives from BaseException
    bool user = false;              // defined by the scenario
    BuiltinObj* builtin_new = nullptr;  // builtin types: their own "__new__" (set by add_method)
    // Cached dunder presence for fast paths (set when the class is built).
    ClassObj(std::string n);
    ~ClassObj() override;
    void clear_refs() override;
    Value lookup(StrObj* name) const;     // through the MRO; Null if absent
    Value lookup(std::string_view name) const;
    bool is_subclass_of(const ClassObj* other) const;
};

struct InstanceObj : Obj {
    DictObj* dict;  // owned
    bool owns_cls = false;  // holds a reference to `cls` (user classes)
    explicit InstanceObj(ClassObj* c, Kind k = Kind::Instance);
    ~InstanceObj() override;
    void clear_refs() override;
};

// A traceback entry: where an exception passed.
struct TraceEntry {
    std::string function;
    int line;
};

struct ExceptionObj : InstanceObj {
    Value args;     // tuple
    Value cause;    // __cause__ (Null = None)
    Value context;  // __context__
    bool suppress_context = false;
    std::vector<TraceEntry> traceback;  // innermost last (as printed)
    Value exceptions;  // ExceptionGroup: tuple of sub-exceptions
    Value message;     // ExceptionGroup: message str
    explicit ExceptionObj(ClassObj* c);
    void clear_refs() override;
};

struct ModuleObj : Obj {
    std::string name;
    DictObj* dict;
    // Names the real module has that corolab does not: looking one up says
    // "not supported in corolab: <module>.<name>" rather than "no attribute".
    std::shared_ptr<const std::unordered_set<std::string>> unsupported;
    explicit ModuleObj(std::string n);
    ~ModuleObj() override;
    void clear_refs() override;
};

// property / staticmethod / classmethod wrappers.
struct WrapperObj : Obj {
    Value fget, fset;
    WrapperObj(Kind k, ClassObj* c, Value f);
    void clear_refs() override { fget = Value(); fset = Value(); }
};

struct SuperObj : Obj {
    ClassObj* start;  // class after which lookup starts
    Value self;
    Value start_ref;
    SuperObj(ClassObj* s, Value self);
    void clear_refs() override { self = Value(); start_ref = Value(); }
};

// Generators, coroutines and async generators: a suspended frame.
struct GenObj : Obj {
    Frame* frame;  // owned; null once finished
    Value name, qualname;
    bool running = false;
    bool started = false;
    bool awaited = false;   // coroutine was awaited / wrapped in a task
    bool closing = false;
    bool hooks_inited = false;  // async generator: the loop's firstiter hook ran
    GenObj(Kind k, ClassObj* c, Frame* f);
    ~GenObj() override;
    void clear_refs() override;
};

// The awaitable `agen.__anext__()` / `asend` returns.
struct AsyncGenStep : Obj {
    Value gen;
    Value send;       // value to send
    Value throw_exc;  // exception to throw (athrow / aclose)
    Value dflt;       // anext(agen, default): the result instead of StopAsyncIteration
    bool close = false;  // aclose(): throw_exc is GeneratorExit and the step gives None
    AsyncGenStep(Value g);
    void clear_refs() override { gen = Value(); send = Value(); throw_exc = Value(); dflt = Value(); }
};

// Builtin iterators: list/tuple/str/range/dict views, enumerate, zip, map,
// filter, reversed, and the generic `__iter__`-based ones.
struct IterObj : Obj {
    enum class Mode : std::uint8_t {
        Seq, Str, Range, DictKeys, DictValues, DictItems, Enumerate, Zip, Map, Filter,
        Reversed, Callable, BigRange,
    };
    Mode mode;
    Value src;               // the iterated object (or the first of zip)
    std::vector<Value> more;  // zip's other iterators, map's iterators
    Value fn;                // map/filter function
    std::int64_t pos = 0, end = 0, step = 1;  // sequence position / range state
    bool strict = false;     // zip(..., strict=True): unequal lengths raise ValueError
    IterObj(Mode m, Value s);
    void clear_refs() override { src = Value(); more.clear(); fn = Value(); }
};

// Base of the objects module code defines in C++ (tasks, futures, locks...).
struct NativeObj : Obj {
    explicit NativeObj(ClassObj* c) : Obj(Kind::Native, c) {}
    // Set by Awaitable (asyncio_bridge.hpp): the await path tests this tag,
    // not a dynamic_cast, on every suspension.
    bool awaitable = false;
};

}  // namespace corolab::lang

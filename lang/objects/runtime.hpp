// The run-wide context of the interpreter: builtin types, the pending
// exception, interned names, and the helpers every object family uses to make
// values and raise Python exceptions. One run executes at a time; `rt()`
// returns the runtime of the run being executed.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/objects/heap.hpp"
#include "lang/objects/objects.hpp"

namespace corolab::lang {

class Vm;
class Source;

// Keyword arguments of a call: names and values, in call order.
struct CallArgs {
    int nkw = 0;
    Value* kwv = nullptr;          // nkw values
    StrObj* const* kwn = nullptr;  // nkw names
    BuiltinObj* fn = nullptr;      // the builtin being called (its `data`)
};
// The keyword argument `name` of a builtin's call, or null (builtins.cpp).
const Value* kwarg(const CallArgs& kw, const char* name);

// Builtin types (process-wide, immortal).
struct Types {
    ClassObj *object, *type, *none, *bool_, *int_, *float_, *str, *list, *tuple, *dict,
        *set, *frozenset, *range, *slice, *cell, *function, *builtin, *method, *module,
        *property, *staticmethod, *classmethod, *super, *generator, *coroutine,
        *async_generator, *async_gen_step, *iterator, *ellipsis;
    // exceptions
    ClassObj *BaseException, *Exception, *ArithmeticError, *ZeroDivisionError,
        *OverflowError, *LookupError, *IndexError, *KeyError, *ValueError, *TypeError,
        *NameError, *UnboundLocalError, *AttributeError, *RuntimeError,
        *NotImplementedError, *RecursionError, *StopIteration, *StopAsyncIteration,
        *GeneratorExit, *KeyboardInterrupt, *SystemExit, *AssertionError,
        *ImportError, *ModuleNotFoundError, *OSError, *TimeoutError, *UnicodeError,
        *CancelledError, *InvalidStateError, *BaseExceptionGroup, *ExceptionGroup,
        *QueueEmpty, *QueueFull, *BrokenBarrierError, *IncompleteReadError,
        *SyntaxError, *MemoryError, *EOFError, *Warning, *DeprecationWarning,
        *RuntimeWarning, *UserWarning, *ConnectionError, *ProcessLookupError,
        *FileNotFoundError, *PermissionError;
};
extern Types T;
void init_types();  // idempotent; builds T and the builtin methods

// Creates a builtin (immortal when `immortal`) function object.
BuiltinObj* make_builtin(const char* name, BuiltinFnPtr fn, bool immortal = false);
// Adds a method to a builtin type's dict.
void add_method(ClassObj* cls, const char* name, BuiltinFnPtr fn);
// A function of a class called on the class itself (`datetime.now()`): its
// first argument is not checked to be an instance.
void add_class_function(ClassObj* cls, const char* name, BuiltinFnPtr fn);
ClassObj* make_builtin_class(const char* name, ClassObj* base, Kind kind);
// Adds a read-only attribute computed by `fn(self)` to a builtin type.
void add_property(ClassObj* cls, const char* name, BuiltinFnPtr fn);

struct Budgets;

class Runtime {
public:
    Heap heap;
    Value exc;  // pending exception (ExceptionObj) or Null
    Vm* vm = nullptr;
    DictObj* builtins = nullptr;
    std::unordered_map<std::string, Value> interned;  // names used by code
    std::unordered_map<std::string, Value> modules;   // imported modules
    std::vector<std::shared_ptr<void>> keep;  // compiled library modules: freed before the heap
    std::string filename = "main.py";  // the scenario's name, as warnings show it
    const Source* source = nullptr;    // the scenario's text, which tracebacks quote
    // Options::module_source: the host's library sources (modules/library.cpp)
    std::function<std::optional<std::string>(const std::string&)> module_source;

    Runtime();
    ~Runtime();
    StrObj* intern(std::string_view s);

    static Runtime* current;
};
inline Runtime& rt() { return *Runtime::current; }

// Writes "<file>:<line>: RuntimeWarning: coroutine '<qualname>' was never
// awaited" to the error stream, as CPython does when such a coroutine is
// freed; nothing while the run is being torn down.
void warn_never_awaited(std::string_view qualname);

// ---- making values -----------------------------------------------------------
template <class T, class... A>
T* make(A&&... args) { return rt().heap.make<T>(std::forward<A>(args)...); }

Value str_value(std::string s);
// A str whose code-point length the caller knows (`ascii`: every byte < 0x80).
Value str_value(std::string s, std::int64_t cp_len, bool ascii);
inline Value str_value(std::string_view s) { return str_value(std::string(s)); }
inline Value str_value(const char* s) { return str_value(std::string(s)); }
Value int_value(const num::BigInt& b);  // small ints stay inline
Value int_value(num::BigInt&& b);       // same, a temporary's limbs moved into the object
Value tuple_value(std::vector<Value> items);
Value list_value(std::vector<Value> items);
Value new_dict();
Value new_set();
// range (lang/objects/range.cpp): the fast form when bounds and length fit in 64
// bits, else one in Python ints (make_big_range takes Python ints).
Value make_range(__int128 start, __int128 stop, __int128 step);
Value make_big_range(const Value& start, const Value& stop, const Value& step);
Value range_new(Value* args, int nargs);         // range(...) arguments
Value range_len(const RangeObj* r);              // a Python int
int range_truthy(const RangeObj* r);
bool range_repr(std::string& out, const RangeObj* r);
int range_contains(const RangeObj* r, const Value& x);   // 1, 0, -1
int range_equals(const RangeObj* a, const RangeObj* b);  // 1, 0, -1
bool range_hash(const RangeObj* r, std::int64_t& h);
Value range_item(const RangeObj* r, const Value& key);   // index or slice
Value range_iter(const RangeObj* r, bool reverse);
Value range_iter_next(IterObj* it);                      // Mode::BigRange
void init_range_methods();

inline StrObj* as_str(const Value& v) { return static_cast<StrObj*>(v.o); }
inline bool is_str(const Value& v) { return is_kind(v, Kind::Str); }
ClassObj* type_of(const Value& v);

// ---- raising -------------------------------------------------------------------
// Each sets the pending exception and returns Null (so `return raise(...)`).
Value raise(ClassObj* cls, std::string message);
// A literal message: the std::string is made here, not at each of the
// hundreds of call sites (a smaller dispatch loop; see bench/README.md).
Value raise(ClassObj* cls, const char* message);
Value raise_value(Value exc);  // an exception instance (or class: instantiated)
Value raise_num(const num::NumError& e);
inline bool has_exc() { return !rt().exc.is_null(); }
Value take_exc();
bool exc_matches(const Value& exc, ClassObj* cls);
Value make_exception(ClassObj* cls, std::vector<Value> args);

}  // namespace corolab::lang

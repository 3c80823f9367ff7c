// The importable modules of lang/modules/: one file per module, written in
// C++ (asyncio.cpp, thread.cpp, time.cpp, math.cpp, random.cpp, datetime.cpp,
// sys.cpp, os.cpp) or in the scenario language itself (*.py, embedded at
// build time or served by the host, compiled on first import: library.cpp).
#pragma once

#include <cstdint>
#include <string>

#include "lang/objects/runtime.hpp"

namespace corolab::lang {

Value import_module(StrObj* name);  // modules.cpp: `import name`, once per run

// What the modules written in C++ share (modules.cpp).
constexpr double kWallAtZero = 946684800.0;  // time.time() at loop time 0: 2000-01-01 00:00:00 UTC
double loop_time();  // the run's loop clock (virtual or real); 0 before the loop exists
ModuleObj* new_module(const char* name);
void add_function(ModuleObj* m, const char* name, BuiltinFnPtr f);
// None when lo <= nargs <= hi, else Null with CPython's TypeError raised.
Value check_arg_count(const char* fn, int nargs, int lo, int hi);

// One per module written in C++, called on its first import.
Value make_module_time();      // time.cpp
Value make_module_math();      // math.cpp
Value make_module_random();    // random.cpp
Value make_module_datetime();  // datetime.cpp
void seed_random(std::uint64_t seed);  // random.cpp: once per run, before any import

Value make_module_sys();
// The traceback CPython prints for `exc` (an exception object) ending with
// "Type: message" (sys.cpp; the scenario's frames, with their source lines).
std::string format_traceback(const Value& exc, const std::string& message);
Value make_module_os();

// The module `name` from its Python source (Options::module_source, else
// builtin_library_source): Null with no exception set when there is no such
// source; Null with the exception set when running it failed.
Value load_library_module(const std::string& name);

// The error for `module.name` that corolab lacks: "not supported in corolab:
// module.name" when CPython 3.11's module has that name (the generated table,
// or the module's own `unsupported` set; `cls` is
// AttributeError or ImportError), else CPython's own wording.
Value raise_missing_name(ModuleObj* m, const std::string& name, ClassObj* cls);
bool cpython_has_name(const std::string& module, const std::string& name);  // cpython_names.cpp
bool cpython_has_module(const std::string& name);  // a top-level module of CPython 3.11's stdlib (cpython_names.cpp)

}  // namespace corolab::lang

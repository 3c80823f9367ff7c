// The stdlib modules of lang/modules/: one file per module, written in C++
// (sys.cpp, os.cpp) or in the scenario language itself (*.py, embedded at
// build time or served by the host, compiled on first import: library.cpp).
#pragma once

#include <string>

#include "lang/objects/runtime.hpp"

namespace corolab::lang {

Value import_module(StrObj* name);  // modules.cpp: `import name`, once per run

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

}  // namespace corolab::lang

// The import machinery: `import name` makes each module on first import,
// once per run: asyncio (asyncio.cpp), _thread (thread.cpp), time, math,
// random, datetime, sys, os (one .cpp each), and the stdlib modules written
// in the scenario language (*.py, library.cpp).
#include "lang/modules/asyncio_bridge.hpp"
#include "lang/modules/modules.hpp"
#include "lang/modules/thread.hpp"
#include "lang/objects/ops.hpp"

namespace corolab::lang {

double loop_time() {
    return AsyncioState::current ? AsyncioState::current->time() : 0;
}

ModuleObj* new_module(const char* name) { return make<ModuleObj>(name); }
void add_function(ModuleObj* m, const char* name, BuiltinFnPtr f) {
    dict_set_str(m->dict, name, Value(make_builtin(name, f, true)));
}

Value check_arg_count(const char* fn, int nargs, int lo, int hi) {
    if (nargs >= lo && nargs <= hi) return Value::none();
    return raise(T.TypeError, std::string(fn) + "() takes " + std::to_string(lo) + " argument(s) (" + std::to_string(nargs) + " given)");
}

void register_modules(std::uint64_t seed) {
    seed_random(seed);
}

// A module corolab does not have: CPython's own error when CPython 3.11 has
// no such module either (a misspelt name), else "not supported".
static Value raise_no_module(const std::string& n) {
    if (!cpython_has_module(n.substr(0, n.find('.'))))
        return raise(T.ModuleNotFoundError, "No module named '" + n + "'");
    return raise(T.ModuleNotFoundError, "not supported in corolab: import of module '" + n + "'");
}

Value import_module(StrObj* name) {
    auto it = rt().modules.find(name->s);
    if (it != rt().modules.end()) return it->second;
    Value m;
    const std::string& n = name->s;
    if (n == "asyncio") m = make_module_asyncio();
    else if (n.rfind("asyncio.", 0) == 0) {
        // the submodules are made with asyncio (make_module_asyncio)
        if (import_module(as_str(str_value("asyncio"))).is_null()) return Value();
        it = rt().modules.find(n);
        if (it != rt().modules.end()) return it->second;
        return raise_no_module(n);
    }
    else if (n == "_thread") m = make_module_thread();
    else if (n == "concurrent" || n == "concurrent.futures") {
        // lang/modules/_concurrent_futures.py, as the package's one module
        Value cf = load_library_module("_concurrent_futures");
        if (cf.is_null()) return cf;
        static_cast<ModuleObj*>(cf.o)->name = "concurrent.futures";  // its missing names read as CPython's
        ModuleObj* c = new_module("concurrent");
        dict_set_str(c->dict, "futures", cf);
        rt().modules["concurrent.futures"] = cf;
        rt().modules["concurrent"] = Value(c);
        return rt().modules[n];
    }
    else if (n == "time") m = make_module_time();
    else if (n == "math") m = make_module_math();
    else if (n == "random") m = make_module_random();
    else if (n == "datetime") m = make_module_datetime();
    else if (n == "sys") m = make_module_sys();
    else if (n == "os") m = make_module_os();
    else {
        // a library module; a dotted one (collections.abc) after its parent,
        // whose attribute it becomes
        std::size_t dot = n.rfind('.');
        Value parent;
        if (dot != std::string::npos) {
            parent = import_module(rt().intern(n.substr(0, dot)));
            if (parent.is_null()) return parent;
        }
        if (!(m = load_library_module(n)) && !has_exc())
            return raise_no_module(n);
        if (!m.is_null() && is_kind(parent, Kind::Module))
            dict_set_str(static_cast<ModuleObj*>(parent.o)->dict, n.substr(dot + 1), m);
    }
    if (m.is_null()) return m;
    rt().modules[n] = m;
    return m;
}

}  // namespace corolab::lang

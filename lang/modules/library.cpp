// Modules written in the scenario language (lang/modules/*.py): the host
// serves their sources (Options::module_source) or the program carries them
// (library_sources.hpp); each is compiled and run on its first import, like
// CPython runs a .py module.
#include <memory>
#include <optional>
#include <string_view>

#include "lang/compiler/compiler.hpp"
#include "lang/vm/frame.hpp"
#include "lang/modules/library_sources.hpp"
#include "lang/modules/modules.hpp"
#include "lang/objects/ops.hpp"
#include "lang/front/parser.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

namespace {

std::optional<std::string> library_source(const std::string& name) {
    if (rt().module_source) return rt().module_source(name);
    if (const char* text = builtin_library_source(name)) return std::string(text);
    return std::nullopt;
}

}  // namespace

Value load_library_module(const std::string& name) {
    std::optional<std::string> text = library_source(name);
    if (!text) return Value();
    // Compiled per run: code constants are values of the run's heap. The
    // run keeps the program until its heap is freed.
    auto keep = std::make_shared<std::pair<Source, Program>>(
        std::piecewise_construct, std::forward_as_tuple(name + ".py", std::move(*text)), std::forward_as_tuple());
    try {
        ParseResult pr = parse_and_analyze(keep->first);
        compile_module(*pr.module, keep->first, keep->second);
    } catch (const SyntaxError& e) {
        return raise(T.RuntimeError, "corolab's " + name + ".py does not compile: " + e.message + " (line " + std::to_string(e.line) + ")");
    }
    // Tracebacks show the scenario's lines only: the scenario's file name
    // and text would mislabel a library line.
    for (auto& code : keep->second.codes) code->library = true;
    rt().keep.push_back(keep);
    auto* m = make<ModuleObj>(name);
    Value mv(m);
    dict_set_str(m->dict, "__name__", str_value(name));
    dict_set_str(m->dict, "__builtins__", rt().modules["builtins"]);
    Frame* fr = alloc_frame(keep->second.module);
    fr->globals = m->dict;
    fr->ns = m->dict;
    fr->ns_ref = Value(static_cast<Object*>(m->dict));
    if (rt().vm->run_frame(fr).is_null()) return Value();
    return mv;
}

Value raise_missing_name(ModuleObj* m, const std::string& name, ClassObj* cls) {
    const std::string& module = m->name;
    bool cpython_has = (m->unsupported && m->unsupported->count(name)) || cpython_has_name(module, name);
    if (cpython_has) return raise(cls, "not supported in corolab: " + module + "." + name);
    if (cls == T.ImportError) return raise(cls, "cannot import name '" + name + "' from '" + module + "'");
    return raise(cls, "module '" + module + "' has no attribute '" + name + "'");
}

}  // namespace corolab::lang

// The os module: only its constants. Everything else of CPython's os (getpid,
// environ, files) depends on the machine, so it reads "not supported in
// corolab: os.X" (see raise_missing_name).
#include "lang/modules/modules.hpp"
#include "lang/objects/ops.hpp"

namespace corolab::lang {

Value make_module_os() {
    auto* m = make<ModuleObj>("os");
    Value mv(m);
    for (auto [k, v] : std::initializer_list<std::pair<const char*, const char*>>{
             {"name", "posix"}, {"sep", "/"}, {"altsep", nullptr}, {"linesep", "\n"}, {"pathsep", ":"},
             {"curdir", "."}, {"pardir", ".."}, {"extsep", "."}, {"devnull", "/dev/null"}})
        dict_set_str(m->dict, k, v ? str_value(v) : Value::none());
    return mv;
}

}  // namespace corolab::lang

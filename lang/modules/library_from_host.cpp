// corolab_lang_stdlib_from_host: no sources in the program; the host serves
// lang/modules/*.py through Options::module_source (see library_sources.hpp).
#include "lang/modules/library_sources.hpp"

namespace corolab::lang {

const char* builtin_library_source(std::string_view) { return nullptr; }

}  // namespace corolab::lang

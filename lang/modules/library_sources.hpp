// The sources of lang/modules/*.py a program carries. Two libraries define
// builtin_library_source; a program links one of them:
//   corolab_lang_stdlib            all of them, embedded at build time
//                                  (native builds, test suites, native CLI)
//   corolab_lang_stdlib_from_host  none: the host serves them through
//                                  Options::module_source (the Wasm module
//                                  the page and the Node CLI load)
#pragma once

#include <string_view>

namespace corolab::lang {

// The text of library module `name` ("collections.abc"), or null.
const char* builtin_library_source(std::string_view name);

}  // namespace corolab::lang

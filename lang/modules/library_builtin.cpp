// corolab_lang_stdlib: lang/modules/*.py embedded as string literals
// (lang/CMakeLists.txt writes library_sources.inc, one {name, text} per file).
#include "lang/modules/library_sources.hpp"

namespace corolab::lang {

namespace {

struct LibrarySource {
    const char* name;
    const char* text;
};
const LibrarySource kSources[] = {
#include "library_sources.inc"
};

}  // namespace

const char* builtin_library_source(std::string_view name) {
    for (const LibrarySource& s : kSources)
        if (name == s.name) return s.text;
    return nullptr;
}

}  // namespace corolab::lang

// Compiler: AST (with scopes from analyze_scopes) -> bytecode Program.
#pragma once

#include "lang/front/ast.hpp"
#include "lang/compiler/code.hpp"
#include "lang/front/source.hpp"

namespace corolab::lang {

// Compiles a module. Constants and names are made in the current Runtime.
// Throws SyntaxError (not supported constructs, too deeply nested blocks).
void compile_module(const Module& m, const Source& src, Program& out);

}  // namespace corolab::lang

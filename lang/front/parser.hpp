// Recursive-descent parser for the scenario language (Python 3.11 grammar,
// the statements and expressions tutorials use).
#pragma once

#include <memory>

#include "lang/front/arena.hpp"
#include "lang/front/ast.hpp"
#include "lang/front/source.hpp"

namespace corolab::lang {

// A parsed module. Every node lives in `arena`; moving the result keeps
// node pointers valid (the arena is heap-allocated). Nodes copy what they
// need from the text, so the Source may be dropped after parsing.
struct ParseResult {
    std::unique_ptr<Arena> arena;
    Module* module = nullptr;
};

// Parses a whole file. Throws SyntaxError (worded and positioned as CPython
// 3.11 reports it, or "not supported in corolab: <construct>" for match,
// walrus, bytes and imaginary literals, \N{...} escapes). Which
// error wins when a file has several follows CPython (a tokenizer error
// later in the file usually replaces a parser error). Never recurses
// without bound: brackets nest at most 200 deep and indentation 100 levels,
// as in CPython; expressions deeper than kMaxExprDepth (unary chains,
// lambdas, long operator chains) are also "too many nested parentheses".
// Time and memory are linear in the source length (about 1 ms per 1,000
// lines natively).
ParseResult parse(const Source& source);

// parse() followed by analyze_scopes() (scope.hpp): what the compiler needs.
ParseResult parse_and_analyze(const Source& source);

}  // namespace corolab::lang

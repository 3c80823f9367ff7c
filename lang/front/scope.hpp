// Symbol tables: which names each function, lambda, comprehension, class and
// the module bind, and how each name is reached (CPython's symtable rules).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/front/arena.hpp"
#include "lang/front/ast.hpp"
#include "lang/front/source.hpp"

namespace corolab::lang {

// How the code of one scope reaches a name.
enum class SymbolKind : unsigned char {
    Local,           // a fast local of this function (slot), or a name in the
                     // module / class namespace when the scope is Module/Class
    GlobalExplicit,  // declared `global` here
    GlobalImplicit,  // never bound in this or an enclosing function: globals, then builtins
    Free,            // bound in an enclosing function (or declared `nonlocal`): a cell (cell index)
    Cell,            // a local of this function captured by a nested scope: a cell (cell index)
};

struct Symbol {
    std::string name;
    SymbolKind kind = SymbolKind::GlobalImplicit;
    int slot = -1;  // Function scopes: index in Scope::locals for Local and Cell symbols
    int cell = -1;  // Cell and Free: index in Scope::cells() (cellvars, then freevars)
    bool is_param = false;
    bool is_bound = false;  // assigned, imported, def/class name, loop/with/except target
    bool is_used = false;   // read somewhere in this scope
};

// One scope. Function-like scopes (Function, Lambda, Comprehension) keep
// their locals in numbered slots; Module and Class scopes keep names in a
// namespace dict (their Local symbols have slot -1).
struct Scope {
    enum class Kind : unsigned char { Module, Function, Lambda, Class, Comprehension };
    Kind kind = Kind::Module;
    std::string name;  // function/class name as written (its __name__, never mangled);
                       // "<lambda>", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>", "<module>"
    Scope* parent = nullptr;
    std::vector<Scope*> children;  // in source order

    // Slot order: parameters first, in declaration order (posonly, regular,
    // *args, keyword-only, **kwargs), then other locals by first binding.
    // Comprehensions have one parameter ".0" (the outermost iterator).
    std::vector<std::string> locals;
    int param_count = 0;
    std::vector<std::string> cellvars;  // captured locals, cell index 0..
    std::vector<std::string> freevars;  // captured from outside, after cellvars

    bool is_async = false;      // async def (or an async comprehension)
    bool is_generator = false;  // body contains yield / yield from (generator or async generator)
    bool has_await = false;     // body contains await / async for / async with
                                // (not counting nested function scopes)
    bool needs_class_cell = false;  // Class: a method uses super() or __class__
    Span span;                      // the defining node

    // The symbol for `name` in this scope, or null if the scope never mentions it.
    const Symbol* lookup(std::string_view name) const;
    bool is_function_like() const {
        return kind == Kind::Function || kind == Kind::Lambda || kind == Kind::Comprehension;
    }

    std::unordered_map<std::string, Symbol> symbols;  // every name this scope mentions
};

// Builds the scope tree for `module`, storing each Scope in the scope field
// of the Module, FunctionDef, ClassDef, Lambda and comprehension nodes.
// Applies CPython's private name mangling in place: inside class C, the
// identifiers `__x` (names, attributes, def/class names, parameters, except
// and import bindings, global/nonlocal) become `_C__x`; call keywords and
// imported attribute names are left alone, as CPython does. So after this
// pass FunctionDef::name / ClassDef::name is the name the statement binds,
// and the function's or class's __name__ is its Scope::name.
// At module level, Local and GlobalExplicit both mean the module namespace
// (a name declared `global` in any function is GlobalExplicit there, as in
// CPython's symtable).
// Scopes are allocated in `arena` (pass the ParseResult's arena).
// Throws SyntaxError for CPython's compile-time errors: misplaced
// global/nonlocal ("no binding for nonlocal 'x' found", ...), 'return' /
// 'yield' / 'await' outside function, 'break' outside loop, 'continue' not
// properly in loop, async constructs outside async functions.
void analyze_scopes(Module& module, Arena& arena, const Source& source);

}  // namespace corolab::lang

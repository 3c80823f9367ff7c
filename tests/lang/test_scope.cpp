// Scope analysis: how each name is reached, following CPython's symtable
// (expected classes checked against Python's `symtable` module; the whole
// standard library's asyncio, json, email... packages classify identically).
#include <catch2/catch.hpp>

#include <string>

#include "lang/front/parser.hpp"
#include "lang/front/scope.hpp"

using namespace corolab::lang;

namespace {

struct Analyzed {
    Source source;
    ParseResult result;
    explicit Analyzed(const std::string& text) : source("main.py", text), result(parse_and_analyze(source)) {}
    Scope& module() { return *result.module->scope; }
};

const Scope* child(const Scope& s, const std::string& name) {
    for (const Scope* c : s.children)
        if (c->name == name) return c;
    return nullptr;
}

SymbolKind kind_of(const Scope* s, const std::string& name) {
    REQUIRE(s != nullptr);
    const Symbol* sym = s->lookup(name);
    REQUIRE(sym != nullptr);
    return sym->kind;
}

}  // namespace

TEST_CASE("function locals, parameters and globals", "[scope]") {
    Analyzed a(
        "import asyncio\n"
        "count = 0\n"
        "async def worker(name, delay=1, *args, flag, **kw):\n"
        "    global count\n"
        "    count += 1\n"
        "    result = await asyncio.sleep(delay)\n"
        "    print(name, result)\n");
    const Scope* w = child(a.module(), "worker");
    REQUIRE(w);
    CHECK(w->kind == Scope::Kind::Function);
    CHECK(w->is_async);
    CHECK(w->has_await);
    CHECK_FALSE(w->is_generator);
    CHECK(w->param_count == 5);
    CHECK(w->locals == std::vector<std::string>{"name", "delay", "args", "flag", "kw", "result"});
    CHECK(kind_of(w, "name") == SymbolKind::Local);
    CHECK(w->lookup("name")->slot == 0);
    CHECK(w->lookup("result")->slot == 5);
    CHECK(kind_of(w, "count") == SymbolKind::GlobalExplicit);
    CHECK(kind_of(w, "asyncio") == SymbolKind::GlobalImplicit);
    CHECK(kind_of(w, "print") == SymbolKind::GlobalImplicit);
    // CPython's module table marks names declared global anywhere as GLOBAL_EXPLICIT.
    CHECK(kind_of(&a.module(), "count") == SymbolKind::GlobalExplicit);
    CHECK(kind_of(&a.module(), "worker") == SymbolKind::Local);
}

TEST_CASE("closures: cell in the outer function, free in the inner", "[scope]") {
    Analyzed a(
        "def outer():\n"
        "    total = 0\n"
        "    unused = 1\n"
        "    def inner():\n"
        "        nonlocal total\n"
        "        total += 1\n"
        "        def deepest():\n"
        "            return total\n"
        "        return deepest\n"
        "    return inner\n");
    const Scope* outer = child(a.module(), "outer");
    const Scope* inner = child(*outer, "inner");
    const Scope* deepest = child(*inner, "deepest");
    CHECK(kind_of(outer, "total") == SymbolKind::Cell);
    CHECK(kind_of(outer, "unused") == SymbolKind::Local);
    CHECK(kind_of(outer, "inner") == SymbolKind::Local);
    CHECK(outer->cellvars == std::vector<std::string>{"total"});
    CHECK(outer->lookup("total")->cell == 0);
    CHECK(outer->lookup("total")->slot >= 0);
    CHECK(kind_of(inner, "total") == SymbolKind::Free);
    CHECK(inner->freevars == std::vector<std::string>{"total"});
    CHECK(kind_of(inner, "deepest") == SymbolKind::Local);
    CHECK(kind_of(deepest, "total") == SymbolKind::Free);
}

TEST_CASE("a name bound later in the enclosing function is still captured", "[scope]") {
    Analyzed a(
        "def f():\n"
        "    def g():\n"
        "        return x\n"
        "    x = 1\n"
        "    return g\n");
    CHECK(kind_of(child(a.module(), "f"), "x") == SymbolKind::Cell);
    CHECK(kind_of(child(*child(a.module(), "f"), "g"), "x") == SymbolKind::Free);
}

TEST_CASE("class bodies do not enclose their methods", "[scope]") {
    Analyzed a(
        "class Worker:\n"
        "    limit = 3\n"
        "    def run(self):\n"
        "        return limit\n"
        "    def sup(self):\n"
        "        return super().sup()\n");
    const Scope* cls = child(a.module(), "Worker");
    CHECK(cls->kind == Scope::Kind::Class);
    CHECK(kind_of(cls, "limit") == SymbolKind::Local);
    CHECK(kind_of(child(*cls, "run"), "limit") == SymbolKind::GlobalImplicit);
    // super() makes the class provide a __class__ cell to its methods.
    CHECK(cls->needs_class_cell);
    CHECK(cls->cellvars == std::vector<std::string>{"__class__"});
    CHECK(kind_of(child(*cls, "sup"), "__class__") == SymbolKind::Free);
}

TEST_CASE("comprehensions have their own scope", "[scope]") {
    Analyzed a(
        "async def main(n):\n"
        "    squares = [i * n for i in range(n) if i]\n"
        "    results = [await t for t in tasks]\n"
        "    gen = (x async for x in agen())\n");
    const Scope* m = child(a.module(), "main");
    REQUIRE(m->children.size() == 3);
    const Scope* lc = m->children[0];
    CHECK(lc->kind == Scope::Kind::Comprehension);
    CHECK(lc->name == "<listcomp>");
    CHECK(lc->locals == std::vector<std::string>{".0", "i"});
    CHECK(lc->param_count == 1);
    CHECK(kind_of(lc, "n") == SymbolKind::Free);
    CHECK(kind_of(m, "n") == SymbolKind::Cell);
    // range(n): the outermost iterable is evaluated in main's scope.
    CHECK(kind_of(m, "range") == SymbolKind::GlobalImplicit);
    CHECK(lc->lookup("range") == nullptr);
    CHECK(m->children[1]->is_async);
    CHECK(m->children[1]->has_await);
    CHECK(m->children[2]->name == "<genexpr>");
    CHECK(m->children[2]->is_generator);
    CHECK(m->children[2]->is_async);
    CHECK(m->has_await);
}

TEST_CASE("generators and lambdas", "[scope]") {
    Analyzed a(
        "def gen():\n"
        "    yield 1\n"
        "async def agen():\n"
        "    yield 2\n"
        "key = lambda item, k=0: item[k]\n");
    CHECK(child(a.module(), "gen")->is_generator);
    CHECK_FALSE(child(a.module(), "gen")->is_async);
    CHECK(child(a.module(), "agen")->is_generator);
    CHECK(child(a.module(), "agen")->is_async);
    const Scope* l = child(a.module(), "<lambda>");
    REQUIRE(l);
    CHECK(l->locals == std::vector<std::string>{"item", "k"});
}

TEST_CASE("module-level names are globals", "[scope]") {
    Analyzed a("for i in range(3):\n    x = i\nimport a.b\nfrom c import d as e\n");
    CHECK(kind_of(&a.module(), "i") == SymbolKind::Local);
    CHECK(kind_of(&a.module(), "a") == SymbolKind::Local);
    CHECK(kind_of(&a.module(), "e") == SymbolKind::Local);
    CHECK(a.module().lookup("d") == nullptr);
    CHECK(a.module().lookup("x")->slot == -1);
}

TEST_CASE("private names are mangled inside classes", "[scope]") {
    Analyzed a(
        "class Worker:\n"
        "    def __init__(self):\n"
        "        self.__count = 0\n"
        "    def __bump(self, __by=1):\n"
        "        self.__count += __by\n"
        "        return __helper(self.__dunder__)\n"
        "def __outside(): pass\n");
    const auto* cls = a.result.module->body[0]->as<ClassDef>();
    const auto* init = cls->body[0]->as<FunctionDef>();
    CHECK(init->name == "__init__");
    const auto* store = init->body[0]->as<Assign>()->targets[0]->as<Attribute>();
    CHECK(store->attr == "_Worker__count");
    const auto* bump = cls->body[1]->as<FunctionDef>();
    CHECK(bump->name == "_Worker__bump");     // the name bound in the class
    CHECK(bump->scope->name == "__bump");     // its __name__
    CHECK(bump->args->args[1]->name == "_Worker__by");
    CHECK(kind_of(cls->scope, "_Worker__bump") == SymbolKind::Local);
    CHECK(kind_of(bump->scope, "_Worker__helper") == SymbolKind::GlobalImplicit);
    CHECK(bump->scope->lookup("__dunder__") == nullptr);  // attributes are not symbols
    CHECK(a.result.module->body[1]->as<FunctionDef>()->name == "__outside");
}

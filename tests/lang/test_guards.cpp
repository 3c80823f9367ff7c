// Runaway input through Session: C++ recursion is guarded (lang/vm/stack_guard.hpp)
// and compiling stays linear. Each expected error type and message is what
// CPython 3.11 prints for the same program (checked with python3 when the
// test was written; the thresholds in comments are CPython's).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "corolab/lang/session.hpp"

using corolab::lang::Options;
using corolab::lang::Session;

namespace {

struct Outcome {
    std::string out;  // stdout lines, each ending in \n
    Session::Result result;
};

Outcome run(const std::string& src, Options opts = {}) {
    Session s(src, opts);
    while (s.advance() >= 0) {
    }
    Outcome o;
    for (auto& l : s.take_output())
        if (!l.err) o.out += l.text + "\n";
    o.result = s.result();
    return o;
}

double seconds_to_run(const std::string& src) {
    auto t0 = std::chrono::steady_clock::now();
    Outcome o = run(src);
    REQUIRE(o.result.exit_code == 0);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string elif_chain(int branches) {
    std::string s = "x = 5\nif x == 0:\n    print(0)\n";
    for (int i = 1; i < branches; ++i)
        s += "elif x == " + std::to_string(i) + ":\n    print(" + std::to_string(i) + ")\n";
    return s;
}

const char* const kWithClass =
    "class C:\n    def __enter__(self): return self\n    def __exit__(self, *a): pass\nc = C()\n";

std::string with_items(int n) {
    std::string s = std::string(kWithClass) + "with c";
    for (int i = 1; i < n; ++i) s += ", c";
    return s + ":\n    print('in')\n";
}

}  // namespace

TEST_CASE("containers nested 100,000 deep raise RecursionError, then the run goes on") {
    Outcome o = run(R"PY(
x = []
y = []
t = ()
d = {}
for i in range(100000):
    x = [x]
    y = [y]
    t = (t,)
    d = {1: d}
def attempt(name, f):
    try:
        f()
        print(name, "ok")
    except RecursionError as e:
        print(name, e)
attempt("repr", lambda: repr(x))
attempt("str", lambda: str(x))
attempt("eq", lambda: x == y)
attempt("lt", lambda: x < y)
attempt("in", lambda: x in [y])
attempt("hash", lambda: hash(t))
attempt("set", lambda: {t})
attempt("dict repr", lambda: repr(d))
attempt("dict eq", lambda: d == {1: d})
print(repr([[1, [2]], (3,)]))
)PY");
    CHECK(o.result.exit_code == 0);
    CHECK(o.out ==
          "repr maximum recursion depth exceeded while getting the repr of an object\n"
          "str maximum recursion depth exceeded while getting the repr of an object\n"
          "eq maximum recursion depth exceeded in comparison\n"
          "lt maximum recursion depth exceeded in comparison\n"
          "in maximum recursion depth exceeded in comparison\n"
          "hash ok\n"
          "set ok\n"
          "dict repr maximum recursion depth exceeded while getting the repr of an object\n"
          "dict eq maximum recursion depth exceeded in comparison\n"
          "[[1, [2]], (3,)]\n");
}

TEST_CASE("self-referential containers: repr shows [...], == raises RecursionError") {
    Outcome o = run(R"PY(
a = []
a.append(a)
b = []
b.append(b)
print(a)
try:
    print(a == b)
except RecursionError as e:
    print(e)
class E(Exception):
    pass
e = E()
e.args = (e,)
try:
    str(e)
except RecursionError as x:
    print(x)
print(a == a)
)PY");
    CHECK(o.out ==
          "[[...]]\n"
          "maximum recursion depth exceeded in comparison\n"
          "maximum recursion depth exceeded while getting the str of an object\n"
          "True\n");
}

TEST_CASE("recursion through builtins is counted and never overflows the C++ stack") {
    const char* src = R"PY(
class N:
    def __init__(self, c): self.c = c
    def __repr__(self):
        return "N(" + (repr(self.c) if self.c is not None else "") + ")"
class A:
    def __init__(self, n):
        if n: A(n - 1)
x = None
for i in range(100000):
    x = N(x)
try:
    repr(x)
except RecursionError as e:
    print("repr", type(e).__name__)
try:
    A(100000)
except RecursionError as e:
    print("init", type(e).__name__)
print(len(repr(N(N(None)))))
)PY";
    for (int depth : {1000, 10000, 1000000}) {
        Options opts;
        opts.budgets.recursion = depth;
        Outcome o = run(src, opts);
        INFO("depth budget " << depth);
        CHECK(o.result.exit_code == 0);
        CHECK(o.out == "repr RecursionError\ninit RecursionError\n6\n");
    }
}

TEST_CASE("elif chains: compiled in a loop, rejected beyond CPython's limits") {
    CHECK(run(elif_chain(1000)).out == "5\n");
    // CPython 3.11: RecursionError from 2,998 branches, MemoryError from 5,960
    Outcome o = run(elif_chain(4000));
    CHECK(o.result.type == "RecursionError");
    CHECK(o.result.message == "maximum recursion depth exceeded during compilation");
    o = run(elif_chain(30000));
    CHECK(o.result.type == "MemoryError");
    CHECK(o.result.message.empty());
    CHECK(o.out.empty());
}

TEST_CASE("with items and nested blocks: at most 20, as CPython's CO_MAXBLOCKS") {
    CHECK(run(with_items(20)).out == "in\n");
    for (int n : {21, 100000}) {
        Outcome o = run(with_items(n));
        CHECK(o.result.type == "SyntaxError");
        CHECK(o.result.message == "too many statically nested blocks (main.py, line 5)");
    }
    std::string loops;
    for (int i = 0; i < 21; ++i) loops += std::string(i * 4, ' ') + "for i" + std::to_string(i) + " in [1]:\n";
    loops += std::string(21 * 4, ' ') + "pass\n";
    Outcome o = run(loops);
    CHECK(o.result.message == "too many statically nested blocks (main.py, line 21)");
}

TEST_CASE("compiling and partial-line output take linear time") {
    // a quadratic pass takes 100x longer for 10x the input; linear ~10x
    auto dict_literal = [](int n) {
        std::string s = "d = {";
        for (int i = 0; i < n; ++i) s += std::to_string(i) + ": " + std::to_string(i) + ", ";
        return s + "}\nprint(len(d))\n";
    };
    double small = seconds_to_run(dict_literal(20000));
    double large = seconds_to_run(dict_literal(200000));
    CHECK(large < 40 * small + 0.05);
    auto prints = [](int n) {
        return "for i in range(" + std::to_string(n) + "):\n    print('x', end='')\nprint()\n";
    };
    small = seconds_to_run(prints(50000));
    large = seconds_to_run(prints(500000));
    CHECK(large < 40 * small + 0.05);
}

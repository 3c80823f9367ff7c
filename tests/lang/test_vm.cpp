// The interpreter's core through Session: what the conformance corpus does
// not cover (budgets, unsupported constructs, errors, the real clock,
// teardown). Expected texts come from CPython 3.11 where CPython has them.
#include <chrono>
#include <thread>
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "corolab/lang/session.hpp"

using corolab::lang::Options;
using corolab::lang::OutputLine;
using corolab::lang::Session;

namespace {

struct Run {
    std::vector<OutputLine> lines;
    Session::Result result;
    std::string out() const {  // stdout lines joined with \n
        std::string s;
        for (auto& l : lines)
            if (!l.err) s += l.text + "\n";
        return s;
    }
    std::string err() const {
        std::string s;
        for (auto& l : lines)
            if (l.err) s += l.text + "\n";
        return s;
    }
};

Run run(const std::string& src, Options opts = {}) {
    Session s(src, opts);
    while (s.advance() >= 0) {
    }
    return Run{s.take_output(), s.result()};
}

}  // namespace

TEST_CASE("synchronous code: functions, classes, exceptions, comprehensions") {
    Run r = run(R"PY(
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"

class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"

try:
    {}["k"]
except KeyError as e:
    print("caught", repr(e), e)
finally:
    print("finally")
print(fib(20), [i * i for i in range(6) if i % 2], Dog("Rex").speak())
print(2 ** 100, 7 // -2, -7 % 3, 0.1 + 0.2, f"{3.14159:.2f}|{42:>5}|{'x':*^5}")
print("%s is %d years and %.1f%%" % ("Bob", 42, 99.5))
)PY");
    CHECK(r.result.exit_code == 0);
    CHECK(r.out() ==
          "caught KeyError('k') 'k'\n"
          "finally\n"
          "6765 [1, 9, 25] Rex makes a sound (woof)\n"
          "1267650600228229401496703205376 -4 2 0.30000000000000004 3.14|   42|**x**\n"
          "Bob is 42 years and 99.5%\n");
}

TEST_CASE("uncaught exception: final status and traceback on the error stream") {
    Run r = run("def f():\n    raise ValueError('boom')\n\nf()\n");
    CHECK(r.result.exit_code == 1);
    CHECK(r.result.type == "ValueError");
    CHECK(r.result.message == "boom");
    CHECK(r.err() ==
          "Traceback (most recent call last):\n"
          "  File \"main.py\", line 4, in <module>\n"
          "    f()\n"
          "  File \"main.py\", line 2, in f\n"
          "    raise ValueError('boom')\n"
          "ValueError: boom\n");
    CHECK(Session::format_tsv(r.lines, r.result) == "0.000\t!ValueError: boom\n");
}

TEST_CASE("unsupported constructs name the construct and the line") {
    Run r = run("x = 1\nimport socket\n");
    CHECK(r.result.exit_code == 1);
    CHECK(r.result.type == "ModuleNotFoundError");
    CHECK(r.result.message == "not supported in corolab: import of module 'socket'");
    CHECK(r.result.line == 2);
    Run e = run("print(eval('1'))\n");
    CHECK(e.result.exit_code == 1);
    CHECK(e.result.message == "not supported in corolab: eval()");
}

TEST_CASE("a stdlib name corolab lacks says so; a misspelt one reads as in CPython") {
    Run r = run("import os\nprint(os.name)\nos.getpid()\n");
    CHECK(r.out() == "posix\n");
    CHECK(r.result.type == "AttributeError");
    CHECK(r.result.message == "not supported in corolab: os.getpid");
    CHECK(r.result.line == 3);
    Run f = run("from functools import recursive_repr\n");
    CHECK(f.result.type == "ImportError");
    CHECK(f.result.message == "not supported in corolab: functools.recursive_repr");
    Run m = run("import functools\nfunctools.partail\n");
    CHECK(m.result.type == "AttributeError");
    CHECK(m.result.message == "module 'functools' has no attribute 'partail'");
}

TEST_CASE("a host serves the library modules' sources: asked once per run, on the first import") {
    // What the Wasm module's hosts do (web/bindings.cpp): this program also
    // carries the sources (corolab_lang_stdlib), which the host's answer
    // overrides.
    std::vector<std::string> asked;
    Options o;
    o.module_source = [&](const std::string& name) -> std::optional<std::string> {
        asked.push_back(name);
        if (name == "textwrap") return std::string("def dedent(s):\n    return 'from the host'\n");
        return std::nullopt;
    };
    Run r = run("import textwrap\nimport textwrap as t2\nprint(textwrap.dedent('  x'))\nimport heapq\n", o);
    CHECK(r.out() == "from the host\n");
    CHECK(asked == std::vector<std::string>{"textwrap", "heapq"});
    CHECK(r.result.type == "ModuleNotFoundError");
    CHECK(r.result.message == "not supported in corolab: import of module 'heapq'");
    // A source that raises: the import raises it (the page's worker says so
    // when it cannot download the library).
    o.module_source = [](const std::string&) -> std::optional<std::string> { return std::string("raise ImportError('no download')\n"); };
    Run e = run("try:\n    import dataclasses\nexcept ImportError as e:\n    print('caught', e)\n", o);
    CHECK(e.out() == "caught no download\n");
    // Without a host: the sources built in.
    Run b = run("import textwrap\nprint(textwrap.dedent('  x'))\n");
    CHECK(b.out() == "x\n");
}

TEST_CASE("an error raised inside a stdlib module written in Python points at the scenario's line") {
    Run r = run("from enum import Enum\nclass C(Enum):\n    A = 1\n\nC(5)\n");
    CHECK(r.result.type == "ValueError");
    CHECK(r.result.message == "5 is not a valid C");
    CHECK(r.result.line == 5);
    CHECK(r.err() == "Traceback (most recent call last):\n  File \"main.py\", line 5, in <module>\n    C(5)\nValueError: 5 is not a valid C\n");
}

TEST_CASE("sys.exit ends the run with its status and no error line") {
    Run r = run("import sys\nprint('a')\nsys.exit(2)\nprint('b')\n");
    CHECK(r.result.exit_code == 2);
    CHECK(r.result.exited);
    CHECK(Session::format_tsv(r.lines, r.result) == "0.000\ta\n");
    Run m = run("import sys\nsys.exit('stopping')\n");
    CHECK(m.result.exit_code == 1);
    CHECK(m.err() == "stopping\n");
    CHECK(Session::format_tsv(m.lines, m.result).empty());
    Run z = run("import sys\nsys.exit()\n");
    CHECK(z.result.exit_code == 0);
}

TEST_CASE("syntax errors are reported as CPython shows them") {
    Run r = run("x = (1,\n");
    CHECK(r.result.exit_code == 1);
    CHECK(r.result.type == "SyntaxError");
    CHECK(r.result.line == 1);
}

TEST_CASE("steps budget stops an infinite loop, even one that catches everything") {
    Options o;
    o.budgets.steps = 100000;
    Run r = run("while True:\n    try:\n        pass\n    except BaseException:\n        pass\n", o);
    CHECK(r.result.exit_code == 1);
    CHECK(r.result.type == "BudgetExceeded");
    CHECK(r.result.budget == "steps");
    CHECK(r.result.message == "step limit of 100000 reached");
}

TEST_CASE("steps budget stops an endless sleep(0) task") {
    Options o;
    o.budgets.steps = 100000;
    Run r = run("import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n", o);
    CHECK(r.result.budget == "steps");
}

TEST_CASE("the virtual-time horizon stops an endless time.sleep loop") {
    Options o;
    o.budgets.horizon = 100;
    Run r = run("import time\nwhile True:\n    time.sleep(30)\n", o);
    CHECK(r.result.exit_code == 1);
    CHECK(r.result.budget == "time");
    CHECK(r.result.message == "virtual time limit of 100 s reached");
    CHECK(r.result.t == Approx(90));
}

TEST_CASE("recursion depth is a catchable RecursionError") {
    Run r = run(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n");
    CHECK(r.result.exit_code == 0);
    CHECK(r.out() == "caught maximum recursion depth exceeded\n");
}

TEST_CASE("output budget cuts the output at the limit") {
    Options o;
    o.budgets.output = 12;  // "abcd\nabcd\nab": the cut line is still printed
    Run r = run("for i in range(100):\n    print('abcd')\n", o);
    CHECK(r.result.budget == "output");
    CHECK(r.out() == "abcd\nabcd\nab\n");
}

TEST_CASE("memory budget stops a run that grows without bound") {
    Options o;
    o.budgets.memory = 8u << 20;
    Run r = run("x = []\nwhile True:\n    x.append([1, 2, 3])\n", o);
    CHECK(r.result.budget == "memory");
}

TEST_CASE("asyncio on the virtual clock: output is stamped at loop time, with its task") {
    Run r = run(R"PY(
import asyncio
async def worker(name, d):
    await asyncio.sleep(d)
    print(name, asyncio.current_task().get_name())
async def main():
    await asyncio.gather(worker("a", 2), worker("b", 1))
    print("done")
asyncio.run(main())
)PY");
    REQUIRE(r.lines.size() == 3);
    CHECK(r.lines[0].text == "b Task-3");
    CHECK(r.lines[0].t == 1.0);
    CHECK(r.lines[0].task_name == "Task-3");
    CHECK(r.lines[1].text == "a Task-2");
    CHECK(r.lines[1].t == 2.0);
    CHECK(r.lines[2].text == "done");
    CHECK(r.lines[2].task_name == "Task-1");
}

TEST_CASE("a deadlock ends the run and names the stuck tasks") {
    Run r = run("import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n");
    CHECK(r.result.exit_code == 1);
    CHECK(r.result.type == "DeadlockError");
    CHECK(r.result.message == "no task can make progress; waiting: Task-1");
}

TEST_CASE("real clock: advance() returns the time to wait and finishes") {
    Options o;
    o.real_clock = true;
    o.speed = 100;  // 1 virtual second per 10 host milliseconds
    // A loaded machine (sanitizers, parallel builds) can pause this process for
    // seconds of host time, which the real clock turns into virtual time: keep
    // the time budget out of the way.
    o.budgets.horizon = 1e12;
    Session s("import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print('x')\nasyncio.run(main())\n", o);
    int calls = 0;
    double w;
    while ((w = s.advance()) >= 0 && calls < 100000) {
        ++calls;
        CHECK(w <= 1.0);
        std::this_thread::sleep_for(std::chrono::duration<double>(w));  // as a host does
    }
    CHECK(s.finished());
    INFO(s.result().type << ": " << s.result().message);
    CHECK(s.result().exit_code == 0);
    auto out = s.take_output();
    REQUIRE(out.size() == 1);
    CHECK(out[0].text == "x");
}

TEST_CASE("sessions run one after another without leaking into each other") {
    for (int i = 0; i < 3; ++i) {
        Run r = run("import asyncio\nasync def main():\n    print(asyncio.current_task().get_name())\nasyncio.run(main())\n");
        CHECK(r.out() == "Task-1\n");
    }
}

TEST_CASE("assignment expressions, yield from delegation, bytes, async generator methods") {
    // expected output from CPython 3.11 (run under the sanitizers too)
    Run r = run(R"PY(import asyncio
def inner():
    try:
        x = yield 1
        yield x
    except KeyError:
        return "caught"
def outer():
    r = yield from inner()
    print("result", r)
    yield from [r]
g = outer()
print(next(g), g.send("s"), g.throw(KeyError))
g2 = outer()
next(g2)
g2.close()
print([y for x in b'ab' if (y := x + 1)], y, bytes.fromhex('4142').decode(), b'a,b'.split(b','), 'é'.encode() * 2)
async def echo():
    v = yield 0
    while True:
        try:
            v = yield v * 2
        except ValueError:
            v = yield -1
async def main():
    e = echo()
    print(await e.asend(None), await e.asend(3), await e.athrow(ValueError), await e.asend(5))
    await e.aclose()
asyncio.run(main())
)PY");
    CHECK(r.out() == R"(result caught
1 s caught
[98, 99] 99 AB [b'a', b'b'] b'\xc3\xa9\xc3\xa9'
0 6 -1 10
)");
    CHECK(r.err().empty());
}

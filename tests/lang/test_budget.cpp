// The accounted heap and the trace bound (lang/vm/budget.hpp): runaway
// scenarios end on the memory or step budget with their output kept, the
// trace is capped and says so, and a host can take output mid-run and stop.
#include <catch2/catch.hpp>

#include <string>

#include "corolab/lang/session.hpp"
#include "corolab/trace.hpp"
#include "lang/vm/budget.hpp"

using corolab::lang::Options;
using corolab::lang::OutputLine;
using corolab::lang::Session;

namespace {

std::string stdout_of(const std::vector<OutputLine>& lines) {
    std::string s;
    for (auto& l : lines)
        if (!l.err) s += l.text + "\n";
    return s;
}

Options small_memory(std::size_t mb) {
    Options o;
    o.budgets.memory = mb << 20;
    o.trace = false;
    return o;
}

}  // namespace

TEST_CASE("memory bombs end on the memory budget, with what was printed before") {
    const char* bombs[] = {
        "s = 'x'\nprint('before')\nwhile True:\n    s = s + s\n",
        "a = []\nprint('before')\nwhile True:\n    a.append([0] * 10000)\n",
        "print('before')\nx = list(range(10**8))\n",
        "d = {}\ni = 0\nprint('before')\nwhile True:\n    d[i] = str(i) * 10\n    i += 1\n",
        // small objects only: every one from the object pool (budget.hpp)
        "a = []\nprint('before')\nwhile True:\n    a.append(str(len(a)))\n",
        "a = []\nprint('before')\nwhile True:\n    a.append((len(a), 2 ** 70 + len(a)))\n",
    };
    for (const char* src : bombs) {
        INFO(src);
        Session s(src, small_memory(16));
        while (s.advance() >= 0) {
        }
        Session::Result r = s.result();
        CHECK(r.exit_code == 1);
        CHECK(r.budget == "memory");
        CHECK(r.message == "memory limit of 16777216 bytes reached");
        CHECK(stdout_of(s.take_output()) == "before\n");
    }
}

TEST_CASE("an endless async loop ends on the step budget; task switches are charged") {
    Options o;
    o.trace = false;
    o.budgets.steps = 2'000'000;
    Session s("import asyncio\nasync def main():\n    print('start')\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n", o);
    while (s.advance() >= 0) {
    }
    CHECK(s.result().budget == "steps");
    std::vector<OutputLine> lines = s.take_output();
    CHECK(stdout_of(lines) == "start\n");
    for (auto& l : lines) CHECK(l.text.find("never retrieved") == std::string::npos);
    CHECK(s.trace() == nullptr);
}

TEST_CASE("the trace is capped by the memory budget and ends with a truncated record") {
    Options o;
    o.budgets.memory = 4u << 20;
    o.budgets.steps = 20'000'000;
    Session s("import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n", o);
    while (s.advance() >= 0) {
    }
    CHECK(s.result().budget == "steps");  // the run went on after the trace was cut
    const corolab::Trace* t = s.trace();
    REQUIRE(t != nullptr);
    REQUIRE(t->truncated());
    CHECK(t->records().size() <= (4u << 20) / 8 / sizeof(corolab::TraceRecord));
    CHECK(t->records().back().ev == corolab::TraceEv::truncated);
}

TEST_CASE("a host takes output mid-run from the progress callback and can stop the run there") {
    Options o;
    o.trace = false;
    o.progress_interval = 0;
    Session* self = nullptr;
    std::string seen;
    int calls = 0;
    o.on_progress = [&] {
        ++calls;
        seen += stdout_of(self->take_output());
        if (calls == 3) self->stop();
    };
    Session s("print('before the loop')\nwhile True:\n    pass\n", o);
    self = &s;
    while (s.advance() >= 0) {
    }
    CHECK(calls >= 3);
    CHECK(seen == "before the loop\n");
    CHECK(s.result().budget == "stop");
}

TEST_CASE("a run stopped by a budget with thousands of pending tasks and frames tears down cleanly") {
    // Under ASan this catches teardown reading freed code or values.
    const char* srcs[] = {
        "import asyncio\nasync def w():\n    await asyncio.sleep(10**9)\nasync def main():\n"
        "    ts = [asyncio.create_task(w()) for _ in range(5000)]\n    await asyncio.gather(*ts)\nasyncio.run(main())\n",
        "def f(n):\n    return f(n + 1)\nf(0)\n",
    };
    for (const char* src : srcs) {
        Options o = small_memory(8);
        o.budgets.tasks = 1000;
        o.budgets.recursion = 1'000'000;
        Session s(src, o);
        while (s.advance() >= 0) {
        }
        CHECK(s.result().exit_code == 1);
        CHECK(!s.result().budget.empty());
    }
}

// The object pool gives a run's memory back when the run ends: the page runs
// many scenarios in one process, and one run's million objects must not stay
// reserved for the next.
TEST_CASE("the object pool returns a run's chunks when the run ends") {
    auto run = [](const char* src) {
        Session s(src, small_memory(256));
        while (s.advance() >= 0) {
        }
        return stdout_of(s.take_output());
    };
    run("print(1)\n");  // the builtin types and modules, made once per process
    std::size_t before = corolab::lang::pool_chunks();
    const char* many = "parts = [str(i) for i in range(200000)]\nnums = [2 ** 70 + i for i in range(50000)]\nprint(len(parts), len(nums))\n";
    {
        Session s(many, small_memory(256));
        while (s.advance() >= 0) {
        }
        CHECK(stdout_of(s.take_output()) == "200000 50000\n");
        CHECK(corolab::lang::pool_chunks() > before + 100);  // 200,000 strs alone fill hundreds of 64 KB chunks
    }
    CHECK(corolab::lang::pool_chunks() <= before + 2);
    CHECK(run(many) == "200000 50000\n");  // and the next run gets chunks again
    CHECK(corolab::lang::pool_chunks() <= before + 2);
}

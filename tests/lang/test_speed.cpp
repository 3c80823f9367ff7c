// What the interpreter's speed work must keep: task names and trace texts
// live as long as their run (issue 8: they were interned for the whole
// process, a leak across runs in the page).
#include <catch2/catch.hpp>

#include <string>

#include "corolab/interner.hpp"
#include "corolab/lang/session.hpp"
#include "corolab/trace.hpp"

using corolab::lang::Options;
using corolab::lang::Session;

namespace {
const char* kNamedTasks = R"PY(
import asyncio

async def work(i):
    await asyncio.sleep(0)
    print("done", i)

async def main():
    await asyncio.gather(*[asyncio.create_task(work(i), name=f"worker-{i}") for i in range(50)])

asyncio.run(main())
)PY";

void run_to_end(Session& s) {
    while (s.advance() >= 0) {
    }
}
}  // namespace

TEST_CASE("task names and trace texts are freed with their run") {
    std::size_t before = corolab::interned().size();
    {
        Options opts;
        opts.trace = true;
        Session s(kNamedTasks, opts);
        run_to_end(s);
        REQUIRE(s.result().exit_code == 0);
        // while the session lives its trace reads the names it recorded
        const corolab::Trace* trace = s.trace();
        REQUIRE(trace);
        int named = 0;
        for (const auto& r : trace->records())
            if (r.ev == corolab::TraceEv::task_create && trace->text(r).rfind("worker-", 0) == 0) ++named;
        CHECK(named == 50);
        CHECK(corolab::interned().size() > before + 50);
    }
    // the last holder gone: only "" is left
    CHECK(corolab::interned().size() == 1);

    // two runs alive at once keep each other's names valid
    Options opts;
    opts.trace = true;
    Session a(kNamedTasks, opts);
    run_to_end(a);
    {
        Session b(kNamedTasks, opts);
        run_to_end(b);
    }
    int named = 0;
    for (const auto& r : a.trace()->records())
        if (r.ev == corolab::TraceEv::task_create && a.trace()->text(r) == "worker-7") ++named;
    CHECK(named == 1);
}

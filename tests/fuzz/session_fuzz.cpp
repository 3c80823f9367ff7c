// libFuzzer target on the Session entry point: any byte string is a scenario.
// Built only with clang (-fsanitize=fuzzer,address,undefined; COROLAB_FUZZ);
// see tests/fuzz/README.md. A crash, a sanitizer report, a hang past
// -timeout or an allocation past -rss_limit_mb is a bug in corolab: every
// input must end normally or on a Python error or a named budget.
#include <cstddef>
#include <cstdint>
#include <string>

#include "corolab/lang/session.hpp"
#include "lang/output_format.hpp"

using namespace corolab::lang;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Options opts;
    // Small budgets keep each input fast under ASan; a scenario that hits one
    // must still end cleanly with that budget named.
    opts.budgets.steps = 100'000;
    opts.budgets.memory = 32u << 20;
    opts.budgets.tasks = 1'000;
    opts.budgets.recursion = 200;
    opts.budgets.output = 64u << 10;
    opts.budgets.horizon = 60.0;
    opts.trace = true;
    Session session(std::string(reinterpret_cast<const char*>(data), size), opts);
    // The json format walks the whole trace as well as the output lines.
    OutputFormatter formatter(OutputFormat::json);
    while (session.advance() >= 0 && !session.finished()) formatter.take(session);
    formatter.finish(session);
    session.result();
    return 0;
}

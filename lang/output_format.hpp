// How a run's output reads on a terminal: the formats of `corolab run`
// (--format text|tsv|json), shared by the Node CLI (through the bindings) and
// the native CLI so both print the same bytes.
//   text  "[  1.000s] Task-2  Hello 1!"   readable, one line per output line
//   tsv   "1.000\tHello 1!"               the contract of SCENARIO-LANGUAGE.md
//   json  the whole trace, one event per line (docs/ARCHITECTURE.md)
// Error-stream lines (asyncio's warnings, tracebacks) go to stderr unchanged in
// every format (a failed run's traceback is among them). In tsv a failed run
// ends with the line "<t>\t!Type: message" on stdout.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "corolab/lang/session.hpp"

namespace corolab::lang {

enum class OutputFormat { text, tsv, json };
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct FormattedOutput {
    std::string out;  // for stdout
    std::string err;  // for stderr
};

// Formats a session's output incrementally: each take() formats what the
// session produced since the previous take(); finish() adds the ending.
class OutputFormatter {
public:
    explicit OutputFormatter(OutputFormat format) : format_(format) {}
    FormattedOutput take(Session& session);
    // Call once, after the session finished (includes a last take()).
    FormattedOutput finish(Session& session);

private:
    OutputFormat format_;
    std::size_t trace_pos_ = 0;
};

}  // namespace corolab::lang

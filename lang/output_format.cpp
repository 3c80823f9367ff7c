#include "output_format.hpp"

#include <cstdio>

#include "corolab/trace.hpp"

namespace corolab::lang {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "text") return OutputFormat::text;
    if (name == "tsv") return OutputFormat::tsv;
    if (name == "json") return OutputFormat::json;
    return std::nullopt;
}

namespace {

void put_time(std::string& out, const char* fmt, double t) {
    char buf[48];
    std::snprintf(buf, sizeof buf, fmt, t);
    out += buf;
}

}  // namespace

FormattedOutput OutputFormatter::take(Session& session) {
    FormattedOutput f;
    std::vector<OutputLine> lines = session.take_output();
    if (format_ == OutputFormat::json) {
        // Output lines are in the trace as "output" events; only the error
        // stream is echoed so warnings stay visible.
        for (const OutputLine& l : lines)
            if (l.err) f.err += l.text + "\n";
        if (const Trace* trace = session.trace()) {
            const auto& records = trace->records();
            for (; trace_pos_ < records.size(); ++trace_pos_) {
                f.out += Trace::to_json(records[trace_pos_]);
                f.out += '\n';
            }
        }
        return f;
    }
    for (const OutputLine& l : lines) {
        if (l.err) {
            f.err += l.text + "\n";
        } else if (format_ == OutputFormat::tsv) {
            put_time(f.out, "%.3f\t", l.t);
            f.out += l.text + "\n";
        } else {
            put_time(f.out, "[%7.3fs] ", l.t);
            std::string name = l.task ? l.task_name : "-";
            if (name.size() < 7) name.resize(7, ' ');
            f.out += name + " " + l.text + "\n";
        }
    }
    return f;
}

FormattedOutput OutputFormatter::finish(Session& session) {
    // The session already wrote the error's display (traceback, SyntaxError
    // with its caret) to the error stream; tsv adds the contract's last line.
    FormattedOutput f = take(session);
    Session::Result r = session.result();
    if (r.exit_code != 0 && !r.exited && format_ == OutputFormat::tsv) {
        put_time(f.out, "%.3f\t!", r.t);
        f.out += r.type;
        if (!r.message.empty()) f.out += ": " + r.message;
        f.out += '\n';
    }
    return f;
}

}  // namespace corolab::lang

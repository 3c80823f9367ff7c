// corolab-native: the command line of cli/corolab.cjs built natively, for
// development and benchmarks. Same options, same output bytes (both format
// through lang/output_format).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "corolab/lang/session.hpp"
#include "lang/output_format.hpp"

using namespace corolab::lang;

namespace {

const char* const kUsage =
    "usage: corolab-native run FILE.py [--clock virtual|real] [--speed F]\n"
    "       [--format text|tsv|json] [--seed N] [--max-steps N] [--max-memory MB]\n"
    "       [--max-tasks N] [--max-depth N] [--max-output BYTES] [--max-time SECONDS]\n";

[[noreturn]] void usage_error(const std::string& msg) {
    std::fprintf(stderr, "corolab: %s\n%s", msg.c_str(), kUsage);
    std::exit(2);
}

double number(const char* flag, const char* text) {
    char* end = nullptr;
    double v = std::strtod(text, &end);
    if (end == text || *end != '\0' || !(v >= 0)) usage_error(std::string(flag) + ": not a non-negative number: " + text);
    return v;
}

void write(const FormattedOutput& f) {
    std::fwrite(f.out.data(), 1, f.out.size(), stdout);
    std::fwrite(f.err.data(), 1, f.err.size(), stderr);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    Options opts;
    OutputFormat format = OutputFormat::text;
    const char* file = nullptr;
    bool have_command = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) usage_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "-h" || a == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--clock") {
            std::string c = value();
            if (c != "virtual" && c != "real") usage_error("--clock must be virtual or real");
            opts.real_clock = c == "real";
        } else if (a == "--format") {
            auto f = parse_output_format(value());
            if (!f) usage_error("--format must be text, tsv or json");
            format = *f;
        } else if (a == "--speed") {
            opts.speed = number("--speed", value());
        } else if (a == "--seed") {
            opts.seed = static_cast<std::uint64_t>(number("--seed", value()));
        } else if (a == "--max-steps") {
            opts.budgets.steps = static_cast<std::uint64_t>(number("--max-steps", value()));
        } else if (a == "--max-memory") {
            opts.budgets.memory = static_cast<std::size_t>(number("--max-memory", value()) * 1024 * 1024);
        } else if (a == "--max-tasks") {
            opts.budgets.tasks = static_cast<std::size_t>(number("--max-tasks", value()));
        } else if (a == "--max-depth") {
            opts.budgets.recursion = static_cast<int>(number("--max-depth", value()));
        } else if (a == "--max-output") {
            opts.budgets.output = static_cast<std::size_t>(number("--max-output", value()));
        } else if (a == "--max-time") {
            opts.budgets.horizon = number("--max-time", value());
        } else if (!a.empty() && a[0] == '-') {
            usage_error("unknown option " + a);
        } else if (!have_command) {
            if (a != "run") usage_error("unknown command " + a);
            have_command = true;
        } else if (!file) {
            file = argv[i];
        } else {
            usage_error("unexpected argument " + a);
        }
    }
    if (!have_command || !file) usage_error("missing command or FILE.py");

    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "corolab: cannot read %s\n", file);
        return 2;
    }
    std::stringstream source;
    source << in.rdbuf();
    const char* slash = std::strrchr(file, '/');
    opts.filename = slash ? slash + 1 : file;

    opts.trace = format == OutputFormat::json;  // only json prints it
    Session session(source.str(), opts);
    OutputFormatter formatter(format);
    for (;;) {
        double wait = session.advance();
        if (session.finished() || wait < 0) break;
        write(formatter.take(session));
        if (wait > 0) std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    }
    write(formatter.finish(session));
    return session.result().exit_code;
}

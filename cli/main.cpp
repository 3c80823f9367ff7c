// corolab-native: the command line of cli/corolab.cjs built natively, for
// development and benchmarks. Same options, same output bytes (both format
// through lang/output_format).
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <pthread.h>
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
    if (end == text || *end != '\0' || !(v >= 0) || v == HUGE_VAL) usage_error(std::string(flag) + ": not a non-negative number: " + text);
    return v;
}

// A budget flag's value, checked against its range (the same ranges as
// cli/corolab.cjs): never wrapped or truncated silently.
double bounded(const char* flag, const char* text, double max, bool integer = true) {
    double v = number(flag, text);
    if (v > max) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", max);
        usage_error(std::string(flag) + " must be at most " + buf + ", not " + text);
    }
    if (integer && v != static_cast<double>(static_cast<std::uint64_t>(v)))
        usage_error(std::string(flag) + ": not a whole number: " + text);
    return v;
}

constexpr double kMaxCount = 9007199254740991.0;  // 2^53 - 1: what JSON carries exactly
constexpr double kMaxMemoryMB = 1024.0 * 1024.0;   // 1 TB
constexpr double kMaxDepth = 2147483647.0;         // CPython's recursion limit range

// Runs `fn` on a thread whose stack is large enough for the deepest
// recursion the default budgets allow (C++ levels beyond the stack raise
// RecursionError, see lang/vm/stack_guard.hpp).
template <class F>
int run_with_stack(F fn) {
    constexpr std::size_t kStack = 256u << 20;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kStack);
    struct Box { F* fn; int rc; } box{&fn, 0};
    pthread_t th;
    auto body = [](void* p) -> void* {
        auto* b = static_cast<Box*>(p);
        b->rc = (*b->fn)();
        return nullptr;
    };
    if (pthread_create(&th, &attr, body, &box) != 0) return fn();  // no thread: run here
    pthread_attr_destroy(&attr);
    pthread_join(th, nullptr);
    return box.rc;
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
            opts.seed = static_cast<std::uint64_t>(bounded("--seed", value(), kMaxCount));
        } else if (a == "--max-steps") {
            opts.budgets.steps = static_cast<std::uint64_t>(bounded("--max-steps", value(), kMaxCount));
        } else if (a == "--max-memory") {
            opts.budgets.memory = static_cast<std::size_t>(bounded("--max-memory", value(), kMaxMemoryMB, false) * 1024 * 1024);
        } else if (a == "--max-tasks") {
            opts.budgets.tasks = static_cast<std::size_t>(bounded("--max-tasks", value(), kMaxCount));
        } else if (a == "--max-depth") {
            opts.budgets.recursion = static_cast<int>(bounded("--max-depth", value(), kMaxDepth));
        } else if (a == "--max-output") {
            opts.budgets.output = static_cast<std::size_t>(bounded("--max-output", value(), kMaxCount));
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
    return run_with_stack([&] {
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
    });
}

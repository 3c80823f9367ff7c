// Session: runs one scenario; what the CLIs and the web bindings call.
// Virtual clock: advance() runs the scenario to its end and returns -1.
// Output lines and the final status are read with take_output()/result().
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace corolab::lang {

struct Budgets {
    std::uint64_t steps = 200'000'000;
    std::size_t memory = 256u << 20;
    std::size_t tasks = 100'000;
    int recursion = 1000;
    std::size_t output = 1u << 20;
    double horizon = 86400.0;
};

struct Options {
    bool real_clock = false;
    double speed = 1.0;
    std::uint64_t seed = 0;
    Budgets budgets;
    std::string filename = "main.py";
    bool trace = true;
};

struct OutputLine {
    double t = 0;
    std::uint32_t task = 0;
    std::string task_name;
    std::string text;
    bool err = false;
};

class Session {
public:
    struct Result {
        int exit_code = 0;       // 0 ok, 1 uncaught exception / error
        std::string type;        // exception type ("" when ok)
        std::string message;
        std::string budget;      // name of the exhausted budget, if any
        std::string display;     // traceback / SyntaxError text for the error stream
        int line = 0, col = 0;
    };

    Session(std::string source, Options options = {});
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    double advance();
    bool finished() const;
    std::vector<OutputLine> take_output();
    Result result() const;
    void stop();

    // Formatting helpers shared by the CLIs.
    static std::string format_tsv(const std::vector<OutputLine>& lines, const Result& r, double end_time);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace corolab::lang

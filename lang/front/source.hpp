// A scenario's source text with line/column lookup, and the SyntaxError-style
// diagnostic that the lexer, parser and scope pass report.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace corolab::lang {

// Owns the text of one file (not for concurrent use: column lookups cache). Lines and columns are 1-based, as CPython
// reports them in SyntaxError; columns count characters (UTF-8 code points),
// not bytes. Lookups are O(log lines) (line) and O(line length) (column).
class Source {
public:
    Source(std::string file_name, std::string text);

    const std::string& file_name() const { return file_name_; }
    const std::string& text() const { return text_; }

    // 1-based line holding byte `offset` (offset == size() gives the last line).
    int line_of(std::size_t offset) const;
    // 1-based character column of byte `offset` within its line. Amortized
    // O(distance from the previous query) when queries move forward on a line.
    int column_of(std::size_t offset) const;
    // Text of 1-based `line` without its line ending ("" if out of range).
    std::string_view line_text(int line) const;
    // Byte offset where 1-based `line` starts.
    std::size_t line_start(int line) const;
    int line_count() const { return static_cast<int>(line_starts_.size()); }

private:
    std::string file_name_;
    std::string text_;
    std::vector<std::size_t> line_starts_;  // byte offset of each line's start
    mutable std::size_t column_cache_offset_ = 0;  // last column_of() answer, to count on from
    mutable int column_cache_ = 1;
};

// A compile-time error, worded and positioned as CPython 3.11 reports it.
// `type` is "SyntaxError" or "IndentationError" (CPython's subclass used for
// indentation problems). Unsupported constructs are SyntaxErrors whose
// message starts with "not supported in corolab: ".
struct SyntaxError : std::runtime_error {
    std::string type = "SyntaxError";
    std::string file;
    int line = 0;        // 1-based
    int column = 0;      // 1-based character column (CPython's `offset`)
    int end_line = 0;    // 0 when unknown
    int end_column = 0;  // exclusive, 1-based; 0 when unknown (one caret)
    std::string message;
    std::string line_text;  // the offending line, without its line ending

    SyntaxError(std::string type, std::string message, const Source& src,
                int line, int column, int end_line = 0, int end_column = 0);

    // CPython's traceback form, ending with a newline:
    //   File "main.py", line 3
    //     x = (1,
    //         ^
    // SyntaxError: '(' was never closed
    std::string format() const;
};

// A compile-time failure that CPython 3.11 reports without a position:
// MemoryError when its parser's stack is exhausted (an elif chain of about
// 6,000 branches), RecursionError("maximum recursion depth exceeded during
// compilation") when the AST nests about 3,000 deep, the SyntaxError of a
// file that is not UTF-8. Printed "<type>: <message>" ("MemoryError" alone).
struct CompileLimitError : std::runtime_error {
    std::string type;
    std::string message;
    CompileLimitError(std::string t, std::string m)
        : std::runtime_error(t), type(std::move(t)), message(std::move(m)) {}
};

// Prefix of messages for constructs the interpreter does not run.
inline constexpr std::string_view kNotSupported = "not supported in corolab: ";

}  // namespace corolab::lang

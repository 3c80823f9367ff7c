// Decoding of string literal tokens: prefixes, escapes, implicit
// concatenation, and f-strings into JoinedStr/FormattedValue nodes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "lang/front/arena.hpp"
#include "lang/front/ast.hpp"
#include "lang/front/lexer.hpp"
#include "lang/front/source.hpp"

namespace corolab::lang {

// Joins adjacent string tokens into one Constant(Str) or, if any of them is
// an f-string, one JoinedStr (adjacent literal pieces merged, empty ones
// dropped, as CPython does). Throws SyntaxError with CPython's f-string
// messages; \N{...} escapes are "not supported". Bytes literals
// (b'...') give a Constant(Bytes); mixing them with str literals is an error.
class StringBuilder {
public:
    // Parses the expression of an f-string field held in source bytes [offset, offset+length).
    using FieldParser = std::function<Expr*(std::size_t offset, std::size_t length)>;

    StringBuilder(const Source& source, Arena& arena) : src_(source), arena_(arena) {}

    void add(const Token& token, const FieldParser& parse_field);
    // The node for everything added, spanning tokens first..last.
    Expr* finish(const Token& first, const Token& last);

private:
    const Source& src_;
    Arena& arena_;
    bool is_fstring_ = false;
    bool any_bytes_ = false, any_str_ = false;  // kinds of the literals added
    std::string literal_;         // literal text not yet flushed into values_
    std::vector<Expr*> values_;   // JoinedStr pieces so far
    const Token* token_ = nullptr;  // token being decoded (for error positions)
    Span piece_span_;

    void flush_literal(std::vector<Expr*>& out, std::string& text);
    // Decodes one escape at text[pos] == '\\' into `out`; returns the index after it.
    std::size_t escape(std::string_view body, std::size_t pos, std::string& out);
    // The same for a bytes literal (no \u, \U, \N; \x and octal give one byte).
    std::size_t bytes_escape(std::string_view body, std::size_t pos, std::string& out);
    // Scans an f-string body from `pos`; stops at `end` or, inside a format
    // spec (level > 0), before the '}' closing the field.
    std::size_t fstring(std::size_t pos, std::size_t end, bool raw, int level,
                        std::vector<Expr*>& out, std::string& text, const FieldParser& parse_field);
    std::size_t field(std::size_t pos, std::size_t end, bool raw, int level,
                      std::vector<Expr*>& out, std::string& text, const FieldParser& parse_field);
    [[noreturn]] void fail(const std::string& message) const;
};

// Appends code point `cp` to `out` as UTF-8 (lone surrogates as 3 bytes).
void append_utf8(std::string& out, char32_t cp);

// Python's repr of a bytes value: b'...' with \t \n \r \\ and \xhh escapes.
std::string bytes_repr(std::string_view data);

}  // namespace corolab::lang

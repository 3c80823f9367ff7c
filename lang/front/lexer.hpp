// Python 3.11 tokenizer rules: logical lines, INDENT/DEDENT, bracket joining,
// backslash continuation, comments, numbers, strings, operators, keywords.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lang/front/source.hpp"

namespace corolab::lang {

enum class T : std::uint8_t {
    // structure
    Name, Number, String, Newline, Indent, Dedent, End,
    // keywords
    False, None, True, And, As, Assert, Async, Await, Break, Class, Continue,
    Def, Del, Elif, Else, Except, Finally, For, From, Global, If, Import, In,
    Is, Lambda, Nonlocal, Not, Or, Pass, Raise, Return, Try, While, With, Yield,
    // brackets
    LParen, RParen, LBracket, RBracket, LBrace, RBrace,
    // operators and delimiters
    Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amp, Less, Greater,
    Equal, Dot, Percent, EqEqual, NotEqual, LessEqual, GreaterEqual, Tilde,
    Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual,
    StarEqual, SlashEqual, PercentEqual, AmpEqual, VBarEqual, CircumflexEqual,
    LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash,
    DoubleSlashEqual, At, AtEqual, RArrow, Ellipsis, ColonEqual,
    // a character no token starts with ('$', '?', '!' alone, backtick):
    // the parser reports "invalid syntax" at it, as CPython does
    Invalid,
};

// Source spelling of a token kind ("(" / "if" / "NEWLINE"), for messages.
std::string_view spelling(T kind);

// One token. Positions: 1-based line, 1-based character column, end exclusive.
// `text` points into the Source's text (for String: prefix and quotes included;
// for Number: the literal as written).
struct Token {
    T kind = T::End;
    std::string_view text;
    std::uint32_t offset = 0;  // byte offset of the first character
    int line = 0, col = 0, end_line = 0, end_col = 0;
    int depth = 0;  // bracket nesting depth before this token
};

// The whole token stream of a file. Tokenizing stops at the first error; the
// tokens before it stay usable, so the parser can report an earlier syntax
// error first, as CPython does (its tokenizer runs lazily). `error`, when
// set, is what CPython reports once parsing reaches index `tokens.size()`
// or fails with a generic "invalid syntax".
struct TokenStream {
    std::vector<Token> tokens;  // ends with End unless `error` is set
    std::optional<SyntaxError> error;
    // The error is "'(' was never closed" at the end of the file. CPython
    // reports it instead of a generic "invalid syntax" only when parsing got
    // near the end; other tokenizer errors always win.
    bool unclosed_bracket = false;
};

// Tokenizes `source`. O(length); never throws. Indentation deeper than 100
// levels or bracket nesting deeper than 200 is an error (as in CPython), so
// later recursion over the token stream stays bounded.
TokenStream tokenize(const Source& source);

// A file that is not UTF-8 fails before it is tokenized, as `python3 FILE`
// does: throws CompileLimitError("SyntaxError", "Non-UTF-8 code starting
// with '\xff' in file main.py on line 2, but no encoding declared; see
// https://peps.python.org/pep-0263/ for details").
void require_utf8(const Source& source);

// Tokenizes an f-string replacement field's expression text that starts at
// byte `offset` of `source` and spans `length` bytes (no INDENT/NEWLINE
// handling: the text behaves as if inside brackets). Ends with End.
TokenStream tokenize_fragment(const Source& source, std::size_t offset, std::size_t length);

}  // namespace corolab::lang

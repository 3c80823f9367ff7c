// Lexer: token kinds and positions for inputs where Python's tokenizer rules
// are easy to get wrong (expected values checked against CPython's tokenize).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lang/front/lexer.hpp"

using namespace corolab::lang;

namespace {

// "kind:text" for each token ("NEWLINE", "INDENT" etc. without text).
std::vector<std::string> lex(const std::string& text) {
    Source src("main.py", text);
    TokenStream ts = tokenize(src);
    if (ts.error) throw *ts.error;
    std::vector<std::string> out;
    for (const Token& t : ts.tokens) {
        std::string k(spelling(t.kind));
        if (t.kind == T::Name || t.kind == T::Number || t.kind == T::String) k.append(":").append(t.text);
        out.push_back(k);
    }
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("indentation makes INDENT and DEDENT tokens", "[lexer]") {
    CHECK(lex("if x:\n    y\n    if z:\n        w\nv\n") ==
          V{"if", "NAME:x", ":", "NEWLINE", "INDENT", "NAME:y", "NEWLINE", "if", "NAME:z", ":", "NEWLINE",
            "INDENT", "NAME:w", "NEWLINE", "DEDENT", "DEDENT", "NAME:v", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("blank lines, comments and missing final newline", "[lexer]") {
    CHECK(lex("x = 1  # one\n\n   # indented comment\n\ny") ==
          V{"NAME:x", "=", "NUMBER:1", "NEWLINE", "NAME:y", "NEWLINE", "ENDMARKER"});
    CHECK(lex("def f():\n    return 1") ==
          V{"def", "NAME:f", "(", ")", ":", "NEWLINE", "INDENT", "return", "NUMBER:1", "NEWLINE", "DEDENT",
            "ENDMARKER"});
    CHECK(lex("") == V{"ENDMARKER"});
    CHECK(lex("\n\n# only a comment\n") == V{"ENDMARKER"});
}

TEST_CASE("brackets join lines; backslash continues them", "[lexer]") {
    CHECK(lex("x = (1,\n  2)\n") == V{"NAME:x", "=", "(", "NUMBER:1", ",", "NUMBER:2", ")", "NEWLINE", "ENDMARKER"});
    CHECK(lex("x = 1 + \\\n      2\n") == V{"NAME:x", "=", "NUMBER:1", "+", "NUMBER:2", "NEWLINE", "ENDMARKER"});
    CHECK(lex("f(a,\n# comment in brackets\n  b)\n") ==
          V{"NAME:f", "(", "NAME:a", ",", "NAME:b", ")", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("operators take the longest match", "[lexer]") {
    CHECK(lex("a **= b //= c >>= d <<= e -> ... != == <= >= :=\n") ==
          V{"NAME:a", "**=", "NAME:b", "//=", "NAME:c", ">>=", "NAME:d", "<<=", "NAME:e", "->", "...", "!=", "==",
            "<=", ">=", ":=", "NEWLINE", "ENDMARKER"});
    CHECK(lex("x.y\n") == V{"NAME:x", ".", "NAME:y", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("numbers", "[lexer]") {
    CHECK(lex("0x_1F 0o17 0b1_0 1_000 3.14 1. .5 1e10 1E-5 2.5e+3 0 00\n") ==
          V{"NUMBER:0x_1F", "NUMBER:0o17", "NUMBER:0b1_0", "NUMBER:1_000", "NUMBER:3.14", "NUMBER:1.",
            "NUMBER:.5", "NUMBER:1e10", "NUMBER:1E-5", "NUMBER:2.5e+3", "NUMBER:0", "NUMBER:00", "NEWLINE",
            "ENDMARKER"});
    // `1if` is still accepted by CPython 3.11 (with a warning).
    CHECK(lex("1if x else 2\n") == V{"NUMBER:1", "if", "NAME:x", "else", "NUMBER:2", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("string forms", "[lexer]") {
    CHECK(lex("'a' \"b\" '''c\nd''' \"\"\"e\"\"\" r'\\d' f'{x}' Rb'' rf\"{y}\" u'z'\n") ==
          V{"STRING:'a'", "STRING:\"b\"", "STRING:'''c\nd'''", "STRING:\"\"\"e\"\"\"", "STRING:r'\\d'",
            "STRING:f'{x}'", "STRING:Rb''", "STRING:rf\"{y}\"", "STRING:u'z'", "NEWLINE", "ENDMARKER"});
    CHECK(lex("'it\\'s' 'a\\\nb'\n") == V{"STRING:'it\\'s'", "STRING:'a\\\nb'", "NEWLINE", "ENDMARKER"});
    // A prefix-like name followed by no quote is a name.
    CHECK(lex("rb + f\n") == V{"NAME:rb", "+", "NAME:f", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("keywords and soft keywords", "[lexer]") {
    CHECK(lex("async def await_ match case\n") ==
          V{"async", "def", "NAME:await_", "NAME:match", "NAME:case", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("token positions are 1-based, in characters", "[lexer]") {
    Source src("main.py", "s = 'é'  + x\n  \n");
    TokenStream ts = tokenize(src);
    REQUIRE_FALSE(ts.error);
    REQUIRE(ts.tokens.size() >= 5);
    CHECK(ts.tokens[2].col == 5);      // the string
    CHECK(ts.tokens[2].end_col == 8);  // é is one character
    CHECK(ts.tokens[3].col == 10);     // '+'
    CHECK(ts.tokens[4].line == 1);
}

TEST_CASE("a leading byte order mark is skipped", "[lexer]") {
    CHECK(lex("\xEF\xBB\xBFx = 1\n") == V{"NAME:x", "=", "NUMBER:1", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("CRLF and CR line endings", "[lexer]") {
    CHECK(lex("if x:\r\n    y\r\nz\r\n") ==
          V{"if", "NAME:x", ":", "NEWLINE", "INDENT", "NAME:y", "NEWLINE", "DEDENT", "NAME:z", "NEWLINE",
            "ENDMARKER"});
}

TEST_CASE("tokenizer errors keep the tokens before them", "[lexer]") {
    Source src("main.py", "x = 1\ny = 'abc\n");
    TokenStream ts = tokenize(src);
    REQUIRE(ts.error);
    CHECK(ts.error->message == "unterminated string literal (detected at line 2)");
    CHECK(ts.error->line == 2);
    CHECK(ts.error->column == 5);
    CHECK(ts.tokens.size() == 6);  // x = 1 NEWLINE y =
}

TEST_CASE("indentation deeper than 100 levels is an error", "[lexer][limits]") {
    std::string text;
    for (int i = 0; i < 101; ++i) text += std::string(i, ' ') + "if x:\n";
    text += std::string(101, ' ') + "pass\n";
    Source src("main.py", text);
    TokenStream ts = tokenize(src);
    REQUIRE(ts.error);
    CHECK(ts.error->message == "too many levels of indentation");
    CHECK(ts.error->type == "IndentationError");
}

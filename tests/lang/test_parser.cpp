// Parser: AST shape against CPython's ast.dump(), and syntax errors against
// CPython's compile() for the same input (message, type, line, column).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>

#include "lang/front/ast.hpp"
#include "lang/front/parser.hpp"

using namespace corolab::lang;

namespace {

std::string parse_dump(const std::string& text, bool positions = false) {
    Source src("main.py", text);
    ParseResult r = parse(src);
    return dump(*r.module, positions);
}

struct DumpCase {
    const char* source;
    const char* dump;
    const char* dump_with_positions;  // null for non-ASCII sources
};
const DumpCase kDumpCases[] = {
#include "parse_cases.inc"
};

struct ErrorCase {
    const char* source;
    const char* type;
    const char* message;
    int line, offset, end_line, end_offset;
};
const ErrorCase kErrorCases[] = {
#include "error_cases.inc"
};

}  // namespace

TEST_CASE("parser output matches CPython's ast.dump", "[parser]") {
    for (const DumpCase& c : kDumpCases) {
        INFO("source:\n" << c.source);
        std::string got, got_positions;
        try {
            got = parse_dump(c.source);
            got_positions = parse_dump(c.source, true);
        } catch (const SyntaxError& e) {
            got = got_positions = e.format();
        }
        CHECK(got == c.dump);
        if (c.dump_with_positions) CHECK(got_positions == c.dump_with_positions);
    }
}

TEST_CASE("syntax errors match CPython's message, type and position", "[parser][errors]") {
    for (const ErrorCase& c : kErrorCases) {
        INFO("source:\n" << c.source);
        Source src("main.py", c.source);
        try {
            parse_and_analyze(src);
            FAIL_CHECK("no error; CPython says " << c.message);
        } catch (const SyntaxError& e) {
            CHECK(e.message == c.message);
            CHECK(e.type == c.type);
            if (c.offset != 0) {
                CHECK(e.line == c.line);
                CHECK(e.column == c.offset);
            }
        }
    }
}

TEST_CASE("SyntaxError formats as CPython's traceback", "[parser][errors]") {
    // Expected texts: what `python3 main.py` prints for the same files.
    struct Case {
        const char* source;
        const char* traceback;
    } cases[] = {
        {"x = 1\ny = 2\nz = (1,\n",
         "  File \"main.py\", line 3\n"
         "    z = (1,\n"
         "        ^\n"
         "SyntaxError: '(' was never closed\n"},
        // Leading spaces are stripped and the caret moves with them.
        {"if x:\n    y = = 2\n",
         "  File \"main.py\", line 2\n"
         "    y = = 2\n"
         "        ^\n"
         "SyntaxError: invalid syntax\n"},
        {"f() = 1\n",
         "  File \"main.py\", line 1\n"
         "    f() = 1\n"
         "    ^^^\n"
         "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"},
        {"if True:\n    x = 1\n   y = 2\n",
         "  File \"main.py\", line 3\n"
         "    y = 2\n"
         "         ^\n"
         "IndentationError: unindent does not match any outer indentation level\n"},
    };
    for (const Case& c : cases) {
        Source src("main.py", c.source);
        try {
            parse(src);
            FAIL_CHECK("expected an error: " << c.source);
        } catch (const SyntaxError& e) {
            CHECK(e.format() == c.traceback);
        }
    }
}

TEST_CASE("unsupported constructs name the construct and its position", "[parser][errors]") {
    struct Case {
        const char* source;
        const char* message;
        int line, column;
    } cases[] = {
        {"match x:\n    case 1:\n        pass\n", "not supported in corolab: match statements", 1, 1},
        {"x = 1 + 2j\n", "not supported in corolab: imaginary numbers", 1, 9},
        {"x = '\\N{BULLET}'\n", "not supported in corolab: \\N{...} escapes", 1, 5},
    };
    for (const Case& c : cases) {
        INFO(c.source);
        Source src("main.py", c.source);
        try {
            parse(src);
            FAIL_CHECK("no error");
        } catch (const SyntaxError& e) {
            CHECK(e.message == c.message);
            CHECK(e.line == c.line);
            CHECK(e.column == c.column);
        }
    }
}

TEST_CASE("match stays usable as a name", "[parser]") {
    CHECK_NOTHROW(parse_dump("match = re.match(p, s)\nif match:\n    print(match.group(0))\n"));
}

TEST_CASE("node positions are 1-based lines and columns, end exclusive", "[parser]") {
    Source src("main.py", "async def main():\n    x = await foo(1,\n              2)\n");
    ParseResult r = parse(src);
    const auto* f = r.module->body[0]->as<FunctionDef>();
    CHECK(f->span.line == 1);
    CHECK(f->span.col == 1);
    CHECK(f->span.end_line == 3);
    CHECK(f->span.end_col == 17);
    const auto* assign = f->body[0]->as<Assign>();
    CHECK(assign->span.line == 2);
    CHECK(assign->span.col == 5);
    const Expr* await = assign->value;
    CHECK(await->kind == ExprKind::Await);
    CHECK(await->span.col == 9);
    CHECK(await->span.end_line == 3);
    CHECK(await->span.end_col == 17);
}

TEST_CASE("integer literals keep their digits at any size", "[parser]") {
    Source src("main.py", "x = 0x_FF_FF_FF_FF_FF_FF_FF_FF_FF\ny = 1_000_000_000_000_000_000_000\n");
    ParseResult r = parse(src);
    const auto* x = r.module->body[0]->as<Assign>()->value->as<Constant>();
    CHECK(x->type == Constant::Type::Int);
    CHECK(x->base == 16);
    CHECK(x->text == "FFFFFFFFFFFFFFFFFF");
    const auto* y = r.module->body[1]->as<Assign>()->value->as<Constant>();
    CHECK(y->base == 10);
    CHECK(y->text == "1000000000000000000000");
}

TEST_CASE("deep nesting is an error, never a stack overflow", "[parser][limits]") {
    auto rejects = [](const std::string& text) {
        Source src("main.py", text);
        try {
            parse_and_analyze(src);
        } catch (const SyntaxError&) {
            return true;
        }
        return false;
    };
    CHECK(rejects("x = " + std::string(5000, '-') + "1\n"));
    CHECK(rejects("x = " + std::string(3000, '[') + "\n"));
    std::string chain = "x = a";
    for (int i = 0; i < 20000; ++i) chain += ".b";
    CHECK(rejects(chain + "\n"));
    std::string sum = "x = 1";
    for (int i = 0; i < 20000; ++i) sum += "+1";
    CHECK(rejects(sum + "\n"));
    std::string lambdas;
    for (int i = 0; i < 3000; ++i) lambdas += "lambda: ";
    CHECK(rejects("x = " + lambdas + "1\n"));
    std::string nots;
    for (int i = 0; i < 3000; ++i) nots += "not ";
    CHECK(rejects("x = " + nots + "1\n"));
    std::string fstr = "x = ";
    for (int i = 0; i < 300; ++i) fstr += "f'{";
    CHECK(rejects(fstr + "\n"));
    // What CPython accepts at moderate depth, corolab accepts too.
    CHECK_FALSE(rejects("x = " + std::string(300, '-') + "1\n"));
    CHECK_FALSE(rejects("x = " + std::string(200, '(') + "1" + std::string(200, ')') + "\n"));
    std::string ok_sum = "x = 1";
    for (int i = 0; i < 300; ++i) ok_sum += "+1";
    CHECK_FALSE(rejects(ok_sum + "\n"));
}

TEST_CASE("parsing time grows linearly with the input", "[parser][limits]") {
    // One line holding a long f-string and a long list, then many functions:
    // a quadratic step anywhere (columns, f-string fields, scopes) would make
    // four times the input take about sixteen times as long.
    auto make = [](int n) {
        std::string text = "x = f'";
        for (int i = 0; i < n; ++i) text += "{a}b";
        text += "'\ny = [";
        for (int i = 0; i < 4 * n; ++i) text += "1, ";
        text += "]\n";
        for (int i = 0; i < n / 10; ++i) text += "def f" + std::to_string(i) + "(a, b=1):\n    return a + b\n";
        return text;
    };
    auto seconds = [](const std::string& text) {
        double best = 1e9;
        for (int run = 0; run < 3; ++run) {
            auto start = std::chrono::steady_clock::now();
            Source src("main.py", text);
            ParseResult r = parse_and_analyze(src);
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        return best;
    };
    double small = seconds(make(5000));
    double large = seconds(make(20000));
    INFO("5000: " << small << " s, 20000: " << large << " s");
    CHECK(large < 10 * small + 0.01);
}

// Robustness: the seeds' examples parse as in CPython, and thousands of random mutations of
// them never crash, hang or overflow the stack: each either parses or is a
// SyntaxError pointing inside the file.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "lang/front/parser.hpp"
#include "lang/front/scope.hpp"

using namespace corolab::lang;

namespace {

struct SeedBlock {
    const char* source;
    const char* dump;  // CPython's ast.dump
};
const SeedBlock kSeedBlocks[] = {
#include "seed_corpus.inc"
};

// The parser's round-trip cases: f-strings, escapes and rarer syntax to mutate.
struct DumpCase {
    const char* source;
    const char* dump;
    const char* dump_with_positions;
};
const DumpCase kDumpCases[] = {
#include "parse_cases.inc"
};

// Fragments that stress the tokenizer and parser when spliced in anywhere.
const char* const kSplices[] = {
    "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\"\"\"", "f'{", "}", "{{", "\\", "\n", "\n    ",
    "\t", ":", ",", "*", "**", "=", "==", ":=", "->", "...", ".", "#", "async ", "await ", "lambda ",
    "yield ", "not ", "if ", "else ", "for ", "in ", "def ", "class ", "return ", "global x\n",
    "nonlocal y\n", "0x", "1e", "1_", "0b2", "é", "\xe2\x80\x9c", "\r", "\f", "f'{x!r:>{w}}'", "b''",
    "match x:\n", "try:\n", "except* E:\n", "@d\n", "del ", "import ", "from . import ", "%", "//",
    "\x00", "\xff", "\xc3",
};

std::string mutate(const std::string& base, std::mt19937& rng) {
    std::string s = base;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
        std::size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
        switch (rng() % 5) {
            case 0:  // delete a range
                if (!s.empty() && pos < s.size()) s.erase(pos, 1 + rng() % 8);
                break;
            case 1:  // splice a fragment
            case 2:
                s.insert(pos, kSplices[rng() % (sizeof kSplices / sizeof *kSplices)]);
                break;
            case 3: {  // duplicate a range elsewhere
                if (s.empty()) break;
                std::size_t from = rng() % s.size();
                std::string piece = s.substr(from, 1 + rng() % 40);
                s.insert(pos, piece);
                break;
            }
            default:  // flip a byte to a random printable one
                if (pos < s.size()) s[pos] = static_cast<char>(32 + rng() % 95);
        }
    }
    return s;
}

// Parses and analyzes; returns false (with a message) if something other
// than a well-formed SyntaxError happened.
bool survives(const std::string& text, std::string& why) {
    Source src("main.py", text);
    try {
        ParseResult r = parse_and_analyze(src);
        dump(*r.module);
    } catch (const SyntaxError& e) {
        if (e.line < 1 || e.line > src.line_count() + 1 || e.message.empty()) {
            why = "bad error position or message: " + e.format();
            return false;
        }
        e.format();
    } catch (const CompileLimitError& e) {  // not UTF-8, elif chains past CPython's limits
        if (e.type.empty()) {
            why = "compile limit error without a type";
            return false;
        }
    } catch (const std::exception& e) {
        why = std::string("unexpected exception: ") + e.what();
        return false;
    }
    return true;
}

}  // namespace

TEST_CASE("the seeds' examples parse as CPython parses them", "[fuzz]") {
    for (const SeedBlock& block : kSeedBlocks) {
        INFO(block.source);
        Source src("main.py", block.source);
        std::string got;
        try {
            got = dump(*parse_and_analyze(src).module);
        } catch (const SyntaxError& e) {
            got = e.format();
        }
        CHECK(got == block.dump);
    }
}

TEST_CASE("random mutations of the seeds never crash", "[fuzz]") {
    std::mt19937 rng(20261122);
    const int kRounds = 8000;
    int failures = 0;
    for (int i = 0; i < kRounds && failures < 5; ++i) {
        const std::size_t seeds = sizeof kSeedBlocks / sizeof *kSeedBlocks;
        const std::size_t cases = sizeof kDumpCases / sizeof *kDumpCases;
        std::size_t pick = rng() % (seeds + cases);
        const char* base = pick < seeds ? kSeedBlocks[pick].source : kDumpCases[pick - seeds].source;
        std::string text = mutate(base, rng);
        std::string why;
        if (!survives(text, why)) {
            ++failures;
            FAIL_CHECK(why << "\ninput:\n" << text);
        }
    }
}

TEST_CASE("random byte strings never crash", "[fuzz]") {
    std::mt19937 rng(7);
    const std::string alphabet = "()[]{}'\"\\\n\t :=,.#*fbrx0123456789eEjJ_+-/%<>!@&|^~ifdefasyncawait";
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        std::size_t len = rng() % 120;
        for (std::size_t k = 0; k < len; ++k) text += alphabet[rng() % alphabet.size()];
        std::string why;
        INFO(text);
        CHECK(survives(text, why));
    }
}

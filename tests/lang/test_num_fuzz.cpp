// Random inputs: parsers and formatters never read out of bounds (the
// sanitizer build runs this) and keep their contracts on any text.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>

#include "lang/num/bigint.hpp"
#include "lang/num/float_format.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/num/format_spec.hpp"
#include "lang/num/percent_format.hpp"

namespace num = corolab::num;

namespace {

std::string random_text(std::mt19937_64& gen, const std::string& alphabet, std::size_t max_len) {
    std::size_t len = gen() % (max_len + 1);
    std::string s;
    for (std::size_t i = 0; i < len; ++i) s.push_back(alphabet[gen() % alphabet.size()]);
    return s;
}

}  // namespace

TEST_CASE("decimal text round-trips through BigInt", "[num][fuzz]") {
    std::mt19937_64 gen(1);
    for (int i = 0; i < 3000; ++i) {
        std::string digits = random_text(gen, "0123456789", 60);
        if (digits.empty()) digits.assign(1, '0');
        bool negative = gen() & 1;
        std::string text = negative ? "-" : "";
        text += digits;
        auto v = num::BigInt::parse(text, 10);
        REQUIRE(v.has_value());
        std::size_t nz = digits.find_first_not_of('0');
        std::string canonical = nz == std::string::npos ? "0" : digits.substr(nz);
        if (negative && canonical != "0") canonical.insert(canonical.begin(), '-');
        CHECK(v->to_string() == canonical);
        // hex text of the same value parses back to it
        CHECK(num::BigInt::parse(v->to_prefixed(16), 0).value() == *v);
        // a // b * b + a % b == a
        auto b = num::BigInt::parse(random_text(gen, "123456789", 25) + "7", 10).value();
        auto qr = num::divmod(*v, b);
        CHECK(qr.quot * b + qr.rem == *v);
        CHECK(qr.rem.sign() >= 0);
        CHECK((qr.rem <=> b) == std::strong_ordering::less);
    }
}

TEST_CASE("garbage never breaks the parsers and formatters", "[num][fuzz]") {
    std::mt19937_64 gen(2);
    const std::string spec_chars = "<>=^+- z#0123456789,_.bcdeEfFgGnosxX%*(){}\xc3\xa9";
    num::PercentArg args[3];
    args[0].kind = num::PercentArg::Kind::Int;
    args[0].i = -42;
    args[1].kind = num::PercentArg::Kind::Float;
    args[1].f = 2.5;
    args[2].kind = num::PercentArg::Kind::Str;
    args[2].s = "h\xc3\xa9";
    num::PercentCallbacks cb;
    cb.str = [](const num::PercentArg&) { return std::string("S"); };
    cb.repr = [](const num::PercentArg&) { return std::string("R"); };
    cb.lookup = [&](std::string_view, num::PercentArg& out) {
        out = args[1];
        return true;
    };
    for (int i = 0; i < 20000; ++i) {
        std::string spec = random_text(gen, spec_chars, 12);
        std::string out = "keep";
        // On error nothing is appended; on success something is.
        auto e1 = num::format_int(-1234567, spec, out);
        CHECK((e1 ? out == "keep" : out.size() > 4));
        out = "keep";
        auto e2 = num::format_float(-0.000123, spec, out);
        CHECK((e2 ? out == "keep" : out.size() > 4));
        out = "keep";
        auto e3 = num::format_str("h\xc3\xa9llo", spec, out);
        CHECK((e3 ? out == "keep" : out.size() > 4));
        out = "keep";
        std::string fmt = "%";
        fmt += spec;
        fmt += random_text(gen, "%sdrf", 2);
        num::PercentOperand operand{std::span<const num::PercentArg>(args, 1 + gen() % 3), true, false};
        auto e4 = num::percent_format(fmt, operand, cb, out);
        if (e4) CHECK(out == "keep");
        out.clear();
        operand.is_tuple = false;
        operand.is_mapping = true;
        operand.args = std::span<const num::PercentArg>(args, 1);
        auto e5 = num::percent_format(fmt, operand, cb, out);
        if (e5) CHECK(out.empty());
        // float() and int() accept exactly what strtod-like rules allow.
        std::string text = random_text(gen, "0123456789_.eE+- infINFnaNx", 10);
        auto f = num::parse_float(text);
        if (f && std::isfinite(*f) && text.find('_') == std::string::npos)
            CHECK(*f == std::strtod(text.c_str(), nullptr));
        auto n = num::BigInt::parse(text, static_cast<int>(gen() % 37));
        if (n) CHECK(num::BigInt::parse(n->to_string(), 10).value() == *n);
    }
}

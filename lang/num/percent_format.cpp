#include "lang/num/percent_format.hpp"

#include <cmath>
#include <cstdio>

#include "lang/num/float_format.hpp"
#include "lang/num/format_spec.hpp"

namespace corolab::num {

namespace {

enum Flags : unsigned { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

struct Conversion {
    unsigned flags = 0;
    int64_t width = -1;
    int64_t prec = -1;
    char ch = 0;
};

NumError type_error(std::string m) { return {ErrorKind::TypeError, std::move(m)}; }


// Code point starting at byte i (for the "unsupported format character"
// message) and its byte length.
uint32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        len = 1;
        return c;
    }
    int extra = (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : 3;
    uint32_t cp = c & (0x3f >> extra);
    len = 1;
    for (int k = 0; k < extra && i + len < s.size(); ++k, ++len)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + len]) & 0x3f);
    return cp;
}

// Pads `body` (already with its sign and prefix at the front) to the width:
// spaces on the left (or right with '-'), or zeros after sign and prefix.
void emit(std::string& out, const Conversion& c, std::string_view body, std::size_t sign_prefix_len, bool zero_ok) {
    std::size_t len = utf8_length(body);
    std::size_t pad = c.width > static_cast<int64_t>(len) ? static_cast<std::size_t>(c.width) - len : 0;
    if (c.flags & kLeft) {
        out += body;
        out.append(pad, ' ');
    } else if ((c.flags & kZero) && zero_ok) {
        out.append(body.substr(0, sign_prefix_len));
        out.append(pad, '0');
        out.append(body.substr(sign_prefix_len));
    } else {
        out.append(pad, ' ');
        out += body;
    }
}

char sign_char(const Conversion& c, bool negative) {
    if (negative) return '-';
    if (c.flags & kSign) return '+';
    if (c.flags & kBlank) return ' ';
    return 0;
}

// %d %i %u %x %X %o of an integer given as sign + magnitude digits.
void emit_integer(std::string& out, const Conversion& c, bool negative, std::string_view digits) {
    std::string body;
    if (char s = sign_char(c, negative)) body.push_back(s);
    if (c.flags & kAlt) {
        if (c.ch == 'x') body += "0x";
        if (c.ch == 'X') body += "0X";
        if (c.ch == 'o') body += "0o";
    }
    std::size_t prefix = body.size();
    if (c.prec > static_cast<int64_t>(digits.size())) body.append(static_cast<std::size_t>(c.prec) - digits.size(), '0');
    body += digits;
    emit(out, c, body, prefix, true);
}

NumError format_integer(std::string& out, const Conversion& c, const PercentArg& a) {
    const bool is_dec = c.ch == 'd' || c.ch == 'i' || c.ch == 'u';
    const int base = is_dec ? 10 : c.ch == 'o' ? 8 : 16;
    const bool upper = c.ch == 'X';
    std::string digits;
    switch (a.kind) {
    case PercentArg::Kind::Int:
        append_digits(digits, magnitude(a.i), base, upper);
        emit_integer(out, c, a.i < 0, digits);
        return {};
    case PercentArg::Kind::Big:
        if (base == 10) {
            if (auto err = str_digits_error(*a.big)) return std::move(*err);
        }
        digits = a.big->abs().to_string_base(base, upper);
        emit_integer(out, c, a.big->is_negative(), digits);
        return {};
    case PercentArg::Kind::Float:
        if (is_dec) {
            if (std::isinf(a.f)) return {ErrorKind::OverflowError, "cannot convert float infinity to integer"};
            if (std::isnan(a.f)) return {ErrorKind::ValueError, "cannot convert float NaN to integer"};
            BigInt v = BigInt::from_double(a.f);
            if (auto err = str_digits_error(v)) return std::move(*err);
            digits = v.abs().to_string();
            emit_integer(out, c, v.is_negative(), digits);
            return {};
        }
        break;
    default: break;
    }
    std::string m = "%";
    m.push_back(c.ch);
    m += is_dec ? " format: a real number is required, not " : " format: an integer is required, not ";
    m += a.type_name;
    return type_error(std::move(m));
}

NumError format_floating(std::string& out, const Conversion& c, const PercentArg& a) {
    double x;
    switch (a.kind) {
    case PercentArg::Kind::Float: x = a.f; break;
    case PercentArg::Kind::Int: x = static_cast<double>(a.i); break;
    case PercentArg::Kind::Big: {
        bool overflow = false;
        x = a.big->to_double(overflow);
        if (overflow) return {ErrorKind::OverflowError, "int too large to convert to float"};
        break;
    }
    default: {
        std::string m = "must be real number, not ";
        m += a.type_name;
        return type_error(std::move(m));
    }
    }
    const bool negative = std::signbit(x) && !std::isnan(x);
    std::string body;
    if (char s = sign_char(c, negative)) body.push_back(s);
    std::size_t prefix = body.size();
    body += format_float_body(std::fabs(x), c.ch, c.prec < 0 ? 6 : static_cast<int>(c.prec), (c.flags & kAlt) != 0);
    emit(out, c, body, prefix, true);
    return {};
}

NumError format_char(std::string& out, const Conversion& c, const PercentArg& a) {
    std::string body;
    if (a.kind == PercentArg::Kind::Str && utf8_length(a.s) == 1) {
        body.assign(a.s);
    } else if (a.kind == PercentArg::Kind::Int || a.kind == PercentArg::Kind::Big) {
        int64_t cp = a.kind == PercentArg::Kind::Int ? a.i : -1;
        if (cp < 0 || cp > 0x10ffff) return {ErrorKind::OverflowError, "%c arg not in range(0x110000)"};
        // format(cp, 'c') encodes the code point.
        if (auto err = format_int(cp, "c", body)) return err;
    } else {
        return type_error("%c requires int or char");
    }
    emit(out, c, body, 0, false);
    return {};
}

NumError format_text(std::string& out, const Conversion& c, const PercentArg& a, const PercentCallbacks& cb) {
    std::string text;
    if (c.ch == 's') {
        text = a.kind == PercentArg::Kind::Str ? std::string(a.s) : cb.str(a);
    } else if (c.ch == 'r' || !cb.ascii) {
        text = cb.repr(a);
    } else {
        text = cb.ascii(a);
    }
    std::string_view view = text;
    if (c.prec >= 0 && utf8_length(view) > static_cast<std::size_t>(c.prec)) {
        std::size_t cps = 0, i = 0;
        while (i < view.size() && cps < static_cast<std::size_t>(c.prec)) {
            ++i;
            while (i < view.size() && (static_cast<unsigned char>(view[i]) & 0xc0) == 0x80) ++i;
            ++cps;
        }
        view = view.substr(0, i);
    }
    emit(out, c, view, 0, false);
    return {};
}

}  // namespace

NumError percent_format(std::string_view fmt, const PercentOperand& operand, const PercentCallbacks& cb,
                        std::string& out) {
    // Built aside so `out` is untouched on error.
    std::string result;
    result.reserve(fmt.size() + 16);
    const bool has_dict = operand.is_mapping && !operand.is_tuple;
    const std::size_t arglen = operand.is_tuple ? operand.args.size() : 1;
    std::size_t argidx = 0;
    const std::size_t n = fmt.size();
    std::size_t pos = 0;

    auto next_arg = [&](const PercentArg*& a) -> NumError {
        if (argidx >= arglen || operand.args.empty()) return type_error("not enough arguments for format string");
        a = &operand.args[argidx++];
        return {};
    };

    while (pos < n) {
        std::size_t pct = fmt.find('%', pos);
        if (pct == std::string_view::npos) {
            result.append(fmt.substr(pos));
            break;
        }
        result.append(fmt.substr(pos, pct - pos));
        pos = pct + 1;
        if (pos >= n) return {ErrorKind::ValueError, "incomplete format"};
        if (fmt[pos] == '%') {
            result.push_back('%');
            ++pos;
            continue;
        }
        Conversion c;
        PercentArg keyed;
        bool have_key = false;
        if (fmt[pos] == '(') {
            if (!has_dict) return type_error("format requires a mapping");
            int depth = 1;
            std::size_t start = ++pos;
            while (pos < n && depth > 0) {
                if (fmt[pos] == '(') ++depth;
                else if (fmt[pos] == ')') --depth;
                ++pos;
            }
            if (depth > 0) return {ErrorKind::ValueError, "incomplete format key"};
            std::string_view key = fmt.substr(start, pos - 1 - start);
            if (!cb.lookup || !cb.lookup(key, keyed)) return {ErrorKind::KeyError, std::string(key)};  // the key: KeyError shows its repr
            have_key = true;
        }
        for (; pos < n; ++pos) {
            char f = fmt[pos];
            if (f == '-') c.flags |= kLeft;
            else if (f == '+') c.flags |= kSign;
            else if (f == ' ') c.flags |= kBlank;
            else if (f == '#') c.flags |= kAlt;
            else if (f == '0') c.flags |= kZero;
            else break;
        }
        auto star = [&](int64_t& target, bool is_width) -> NumError {
            const PercentArg* a = nullptr;
            if (have_key) return type_error("not enough arguments for format string");
            if (auto err = next_arg(a)) return err;
            if (a->kind != PercentArg::Kind::Int) return type_error("* wants int");
            target = a->i;
            if (is_width && target < 0) {
                c.flags |= kLeft;
                target = -target;
            }
            return {};
        };
        auto digits = [&](int64_t& target) {
            int64_t v = 0;
            while (pos < n && fmt[pos] >= '0' && fmt[pos] <= '9') {
                v = std::min<int64_t>(v * 10 + (fmt[pos] - '0'), INT32_MAX);
                ++pos;
            }
            target = v;
        };
        if (pos < n && fmt[pos] == '*') {
            ++pos;
            if (auto err = star(c.width, true)) return err;
        } else if (pos < n && fmt[pos] >= '0' && fmt[pos] <= '9') {
            digits(c.width);
        }
        if (pos < n && fmt[pos] == '.') {
            ++pos;
            if (pos < n && fmt[pos] == '*') {
                ++pos;
                if (auto err = star(c.prec, false)) return err;
                if (c.prec < 0) c.prec = 0;
            } else {
                digits(c.prec);
            }
        }
        if (pos < n && (fmt[pos] == 'h' || fmt[pos] == 'l' || fmt[pos] == 'L')) ++pos;
        if (pos >= n) return {ErrorKind::ValueError, "incomplete format"};
        std::size_t ch_len = 1;
        const std::size_t ch_pos = pos;
        uint32_t cp = decode_utf8(fmt, pos, ch_len);
        c.ch = cp < 0x80 ? static_cast<char>(cp) : '?';
        pos += ch_len;

        const PercentArg* arg = &keyed;
        if (!have_key) {
            if (auto err = next_arg(arg)) return err;
        }
        NumError err;
        switch (c.ch) {
        case 's': case 'r': case 'a': err = format_text(result, c, *arg, cb); break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': err = format_integer(result, c, *arg); break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': err = format_floating(result, c, *arg); break;
        case 'c': err = format_char(result, c, *arg); break;
        default: {
            char buf[96];
            std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                          cp < 0x80 ? static_cast<char>(cp) : '?', cp, utf8_length(fmt.substr(0, ch_pos)));
            return {ErrorKind::ValueError, buf};
        }
        }
        if (err) return err;
    }
    if (argidx < arglen && !has_dict) return type_error("not all arguments converted during string formatting");
    out += result;
    return {};
}

}  // namespace corolab::num

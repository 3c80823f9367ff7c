#include "lang/num/format_spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include "lang/num/float_format.hpp"

namespace corolab::num {

namespace {

// Numbers align right by default, str left (and '0' then means fill only).
bool default_align_is_right(char default_type) { return default_type != 's'; }

bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Length in bytes of the UTF-8 sequence starting with `lead`.
std::size_t utf8_seq_len(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xe) return 3;
    if ((lead >> 3) == 0x1e) return 4;
    return 1;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
        out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
}

NumError value_error(std::string m) { return {ErrorKind::ValueError, std::move(m)}; }

std::string code_text(char type) {
    unsigned char c = static_cast<unsigned char>(type);
    if (c >= 32 && c < 127) return std::string(1, type);
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", c);
    return buf;
}

NumError unknown_code(char type, std::string_view type_name) {
    std::string m = "Unknown format code '" + code_text(type) + "' for object of type '";
    m += type_name;
    m += "'";
    return value_error(std::move(m));
}

// Reads decimal digits at `pos`; -1 on overflow, else the count consumed.
int read_integer(std::string_view s, std::size_t& pos, int64_t& value) {
    int count = 0;
    int64_t v = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (v > (INT64_MAX - 9) / 10) return -1;
        v = v * 10 + (s[pos] - '0');
        ++pos;
        ++count;
    }
    if (count) value = v;
    return count;
}

void append_repeated(std::string& out, const std::string& fill, std::size_t n) {
    if (fill.size() == 1) {
        out.append(n, fill[0]);
    } else {
        for (std::size_t i = 0; i < n; ++i) out += fill;
    }
}

// CPython's _PyUnicode_InsertThousandsGrouping on plain ASCII digits:
// groups of `group` digits from the right separated by `sep`; when
// min_width > 0 (zero padding with '=' alignment) leading zero groups are
// added until the result is at least that wide.
std::string group_digits(std::string_view digits, int group, char sep, int64_t min_width) {
    std::string rev;
    int64_t remaining = static_cast<int64_t>(digits.size());
    std::size_t end = digits.size();
    bool use_sep = false;
    while (true) {
        int64_t l = std::min<int64_t>(group, std::max<int64_t>(std::max<int64_t>(remaining, min_width), 1));
        int64_t n_zeros = std::max<int64_t>(0, l - remaining);
        int64_t n_chars = std::max<int64_t>(0, std::min<int64_t>(remaining, l));
        if (use_sep) rev.push_back(sep);
        for (int64_t i = 0; i < n_chars; ++i) rev.push_back(digits[--end]);
        rev.append(static_cast<std::size_t>(n_zeros), '0');
        remaining -= n_chars;
        min_width -= l;
        if (remaining <= 0 && min_width <= 0) break;
        min_width -= 1;
        use_sep = true;
    }
    return std::string(rev.rbegin(), rev.rend());
}

// Lays out a number: sign + prefix + digits (grouped) + suffix, padded to
// the spec's width (CPython's calc_number_widths/fill_number).
void layout_number(std::string& out, const FormatSpec& spec, std::string_view sign, std::string_view prefix,
                   std::string_view digits, std::string_view suffix, bool allow_grouping) {
    const bool zero_fill_group = spec.align == '=' && spec.fill == "0" && spec.width > 0;
    const int64_t prefix_len = static_cast<int64_t>(sign.size() + prefix.size());
    std::string body;
    if (spec.grouping && allow_grouping) {
        int group = (spec.grouping == '_' && (spec.type == 'b' || spec.type == 'o' || spec.type == 'x' || spec.type == 'X')) ? 4 : 3;
        int64_t min_width = zero_fill_group ? spec.width - prefix_len - static_cast<int64_t>(suffix.size()) : 0;
        body = group_digits(digits, group, spec.grouping, min_width);
    } else {
        body.assign(digits);
    }
    const int64_t total = prefix_len + static_cast<int64_t>(utf8_length(body) + suffix.size());
    const int64_t pad = spec.width > total ? spec.width - total : 0;
    const char align = spec.align ? spec.align : '>';
    std::size_t left = 0, inner = 0, right = 0;
    switch (align) {
    case '<': right = static_cast<std::size_t>(pad); break;
    case '^':
        left = static_cast<std::size_t>(pad / 2);
        right = static_cast<std::size_t>(pad - pad / 2);
        break;
    case '=': inner = static_cast<std::size_t>(pad); break;
    default: left = static_cast<std::size_t>(pad); break;
    }
    append_repeated(out, spec.fill, left);
    out += sign;
    out += prefix;
    append_repeated(out, spec.fill, inner);
    out += body;
    out += suffix;
    append_repeated(out, spec.fill, right);
}

const char* sign_text(const FormatSpec& spec, bool negative) {
    if (negative) return "-";
    if (spec.sign == '+') return "+";
    if (spec.sign == ' ') return " ";
    return "";
}

// CPython's format_float_short layout for the 'r' type and for the
// empty type with a precision (Py_DTSF_ADD_DOT_0): digits/decpt as
// 0.<digits> * 10**decpt.
std::string layout_short(const std::string& digits, int decpt, char code, int precision, bool alt, bool add_dot_0,
                         bool upper) {
    bool use_exp = false;
    int vdigits_end = precision;
    if (code == 'g') {
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
        if (!alt) vdigits_end = 0;
    } else {  // 'r'
        if (decpt <= -4 || decpt > 16) use_exp = true;
        vdigits_end = 0;
    }
    int exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    const int digits_len = static_cast<int>(digits.size());
    int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
    std::string p;
    if (decpt <= 0) {
        p.append(static_cast<std::size_t>(decpt - vdigits_start), '0');
        p.push_back('.');
        p.append(static_cast<std::size_t>(-decpt), '0');
    } else {
        p.append(static_cast<std::size_t>(-vdigits_start), '0');
    }
    if (0 < decpt && decpt <= digits_len) {
        p.append(digits, 0, static_cast<std::size_t>(decpt));
        p.push_back('.');
        p.append(digits, static_cast<std::size_t>(decpt), std::string::npos);
    } else {
        p += digits;
    }
    if (digits_len < decpt) {
        p.append(static_cast<std::size_t>(decpt - digits_len), '0');
        p.push_back('.');
        p.append(static_cast<std::size_t>(vdigits_end - decpt), '0');
    } else {
        p.append(static_cast<std::size_t>(std::max(0, vdigits_end - digits_len)), '0');
    }
    if (!p.empty() && p.back() == '.' && !alt) p.pop_back();
    if (use_exp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', exp);
        p += buf;
    }
    return p;
}

// The float conversion proper, shared by format_float and the int-as-float
// types. `spec.type` is a float type or 0.
NumError format_double(double val, const FormatSpec& spec, std::string& out) {
    char type = spec.type;
    int precision = spec.precision > INT32_MAX ? -2 : static_cast<int>(spec.precision);
    if (precision == -2) return value_error("precision too big");
    bool add_pct = false;
    if (type == '%') {
        val *= 100;
        add_pct = true;
    }
    const bool negative = std::signbit(val) && !std::isnan(val);
    const double a = std::fabs(val);
    std::string body;
    const bool upper = type == 'E' || type == 'F' || type == 'G';
    if (!std::isfinite(a)) {
        body = upper ? (std::isinf(a) ? "INF" : "NAN") : (std::isinf(a) ? "inf" : "nan");
    } else if (type == 0) {
        if (precision < 0) {
            std::string digits;
            int decpt = 1;
            if (a == 0) digits = "0";
            else shortest_digits(a, digits, decpt);
            body = layout_short(digits, decpt, 'r', 0, spec.alternate, true, false);
        } else {
            int p = precision == 0 ? 1 : precision;
            std::string digits;
            int decpt = 0;
            rounded_digits(a, p, digits, decpt);
            body = layout_short(digits, decpt, 'g', p, spec.alternate, true, false);
        }
    } else {
        char conv = type == '%' ? 'f' : type == 'n' ? 'g' : type;
        body = format_float_body(a, conv, precision, spec.alternate);
    }
    bool neg = negative;
    if (neg && spec.no_neg_zero && std::isfinite(a) && body.find_first_of("123456789") >= body.find_first_of("eE")) {
        neg = false;  // 'z': a result that rounds to zero loses its sign
    }
    // Split: leading digits (grouped) and the rest (point, exponent, '%').
    std::size_t ndig = 0;
    while (ndig < body.size() && body[ndig] >= '0' && body[ndig] <= '9') ++ndig;
    std::string suffix = body.substr(ndig);
    if (add_pct) suffix.push_back('%');
    layout_number(out, spec, sign_text(spec, neg), "", std::string_view(body).substr(0, ndig), suffix,
                  std::isfinite(a));
    return {};
}

bool is_int_type(char t) { return t == 'b' || t == 'c' || t == 'd' || t == 'o' || t == 'x' || t == 'X' || t == 'n'; }
bool is_float_type(char t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

// Integer formatting given sign and magnitude digit producer.
template <class Value>
NumError format_integer(const Value& value, std::string_view spec_text, std::string& out, std::string_view type_name) {
    FormatSpec spec;
    if (auto err = parse_format_spec(spec_text, spec, type_name, 'd')) return err;
    char type = spec.type ? spec.type : 'd';
    if (is_float_type(type)) {
        double d;
        if constexpr (std::is_same_v<Value, BigInt>) {
            bool overflow = false;
            d = value.to_double(overflow);
            if (overflow) return {ErrorKind::OverflowError, "int too large to convert to float"};
        } else {
            d = static_cast<double>(value);
        }
        return format_double(d, spec, out);
    }
    if (!is_int_type(type)) return unknown_code(type, type_name);
    if (spec.precision >= 0) return value_error("Precision not allowed in integer format specifier");
    if (spec.no_neg_zero) return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    bool negative;
    if constexpr (std::is_same_v<Value, BigInt>) negative = value.is_negative();
    else negative = value < 0;
    if (type == 'c') {
        if (spec.sign) return value_error("Sign not allowed with integer format specifier 'c'");
        if (spec.alternate) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t cp = -1;
        if constexpr (std::is_same_v<Value, BigInt>) {
            if (!value.fits_int64()) return {ErrorKind::OverflowError, "Python int too large to convert to C long"};
            cp = value.to_int64();
        } else {
            cp = value;
        }
        if (cp < 0 || cp > 0x10ffff) return {ErrorKind::OverflowError, "%c arg not in range(0x110000)"};
        std::string ch;
        append_utf8(ch, static_cast<uint32_t>(cp));
        // One column although several UTF-8 bytes.
        layout_number(out, spec, "", "", ch, "", false);
        return {};
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    std::string digits;
    if constexpr (std::is_same_v<Value, BigInt>) {
        if (base == 10) {
            if (auto err = str_digits_error(value)) return std::move(*err);
        }
        digits = value.abs().to_string_base(base, type == 'X');
    } else {
        append_digits(digits, magnitude(value), base, type == 'X');
    }
    const char* prefix = "";
    if (spec.alternate) {
        prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
    }
    layout_number(out, spec, sign_text(spec, negative), prefix, digits, "", type != 'n');
    return {};
}

}  // namespace

std::size_t utf8_length(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8)
        if ((c & 0xc0) != 0x80) ++n;
    return n;
}

NumError parse_format_spec(std::string_view s, FormatSpec& f, std::string_view type_name, char default_type) {
    f = FormatSpec{};
    std::size_t pos = 0;
    bool fill_specified = false, align_specified = false;
    // [[fill]align]: the fill is one code point.
    std::size_t first_len = s.empty() ? 0 : std::min(utf8_seq_len(static_cast<unsigned char>(s[0])), s.size());
    if (s.size() > first_len && is_align(s[first_len])) {
        f.fill.assign(s.substr(0, first_len));
        f.align = s[first_len];
        fill_specified = align_specified = true;
        pos = first_len + 1;
    } else if (!s.empty() && is_align(s[0])) {
        f.align = s[0];
        align_specified = true;
        pos = 1;
    }
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f.sign = s[pos++];
    if (pos < s.size() && s[pos] == 'z') {
        f.no_neg_zero = true;
        ++pos;
    }
    if (pos < s.size() && s[pos] == '#') {
        f.alternate = true;
        ++pos;
    }
    if (!fill_specified && pos < s.size() && s[pos] == '0') {
        f.fill.assign(1, '0');
        f.zero_pad = true;
        if (!align_specified && default_align_is_right(default_type)) f.align = '=';
        ++pos;
    }
    if (read_integer(s, pos, f.width) < 0) return value_error("Too many decimal digits in format string");
    if (pos < s.size() && s[pos] == ',') {
        f.grouping = ',';
        ++pos;
    }
    if (pos < s.size() && s[pos] == '_') {
        if (f.grouping) return value_error("Cannot specify both ',' and '_'.");
        f.grouping = '_';
        ++pos;
    }
    if (pos < s.size() && s[pos] == ',' && f.grouping == '_') return value_error("Cannot specify both ',' and '_'.");
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int n = read_integer(s, pos, f.precision);
        if (n < 0) return value_error("Too many decimal digits in format string");
        if (n == 0) return value_error("Format specifier missing precision");
    }
    if (s.size() - pos > 1) {
        std::string m = "Invalid format specifier '";
        m += s;
        m += "' for object of type '";
        m += type_name;
        m += "'";
        return value_error(std::move(m));
    }
    if (pos < s.size()) f.type = s[pos];
    if (f.grouping) {
        char t = f.type ? f.type : default_type;
        switch (t) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
        case 'b': case 'o': case 'x': case 'X':
            if (f.grouping == '_') break;
            [[fallthrough]];
        default: {
            std::string m = "Cannot specify '";
            m.push_back(f.grouping);
            m += "' with '";
            m += code_text(t);
            m += "'.";
            return value_error(std::move(m));
        }
        }
    }
    return {};
}

NumError format_int(int64_t value, std::string_view spec, std::string& out, std::string_view type_name) {
    if (spec.empty()) {
        if (value < 0) out.push_back('-');
        append_digits(out, magnitude(value), 10);
        return {};
    }
    return format_integer(value, spec, out, type_name);
}

NumError format_bigint(const BigInt& value, std::string_view spec, std::string& out, std::string_view type_name) {
    if (spec.empty()) {
        std::string s;
        if (auto err = to_decimal_checked(value, s)) return err;
        out += s;
        return {};
    }
    return format_integer(value, spec, out, type_name);
}

NumError format_float(double value, std::string_view spec_text, std::string& out) {
    if (spec_text.empty()) {
        append_float_repr(out, value);
        return {};
    }
    FormatSpec spec;
    if (auto err = parse_format_spec(spec_text, spec, "float", 0)) return err;
    if (spec.type && !is_float_type(spec.type) && spec.type != 'n') return unknown_code(spec.type, "float");
    return format_double(value, spec, out);
}

NumError format_str(std::string_view utf8, std::string_view spec_text, std::string& out) {
    if (spec_text.empty()) {
        out += utf8;
        return {};
    }
    FormatSpec spec;
    if (auto err = parse_format_spec(spec_text, spec, "str", 's')) return err;
    if (spec.type && spec.type != 's') return unknown_code(spec.type, "str");
    if (spec.sign == ' ') return value_error("Space not allowed in string format specifier");
    if (spec.sign) return value_error("Sign not allowed in string format specifier");
    if (spec.no_neg_zero) return value_error("Negative zero coercion (z) not allowed in string format specifier");
    if (spec.alternate) return value_error("Alternate form (#) not allowed in string format specifier");
    if (spec.align == '=') return value_error("'=' alignment not allowed in string format specifier");
    std::string_view text = utf8;
    std::size_t len = utf8_length(text);
    if (spec.precision >= 0 && static_cast<int64_t>(len) > spec.precision) {
        // Cut after `precision` code points.
        std::size_t cps = 0, i = 0;
        while (i < text.size() && cps < static_cast<std::size_t>(spec.precision)) {
            i += utf8_seq_len(static_cast<unsigned char>(text[i]));
            ++cps;
        }
        text = text.substr(0, std::min(i, text.size()));
        len = cps;
    }
    int64_t pad = spec.width > static_cast<int64_t>(len) ? spec.width - static_cast<int64_t>(len) : 0;
    char align = spec.align ? spec.align : '<';
    std::size_t left = align == '>' ? static_cast<std::size_t>(pad)
                       : align == '^' ? static_cast<std::size_t>(pad / 2)
                                      : 0;
    append_repeated(out, spec.fill, left);
    out += text;
    append_repeated(out, spec.fill, static_cast<std::size_t>(pad) - left);
    return {};
}

}  // namespace corolab::num

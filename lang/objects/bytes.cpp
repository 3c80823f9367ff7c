// bytes: the type, its methods, str.encode and the codecs they share
// (utf-8, ascii, latin-1 with errors strict / replace / ignore).
#include "lang/objects/bytes.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "lang/vm/budget.hpp"
#include "lang/objects/ops.hpp"
#include "lang/objects/runtime.hpp"

namespace corolab::lang {

// string_literal.cpp (its header brings the lexer's names, which clash with the runtime's)
std::string bytes_repr(std::string_view data);
void append_utf8(std::string& out, char32_t cp);

BytesObj::BytesObj(std::string d) : NativeObj(bytes_type()), data(std::move(d)) {}

namespace {

ClassObj* g_unicode_decode_error = nullptr;
ClassObj* g_unicode_encode_error = nullptr;

const std::string& data(const Value& v) { return static_cast<BytesObj*>(v.o)->data; }
Value not_implemented() { return Value(static_cast<Object*>(rt().intern("NotImplemented"))); }

// A scenario-sized result: reserved against the memory budget before it is built.
bool reserve(std::size_t n) { return n < 4096 || (reserve_memory(n) && charge_steps(n / 64)); }

std::string byte_hex(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", c);
    return buf;
}

// An argument that must be bytes (CPython's wording for str and the rest).
bool bytes_arg(const Value& v, const std::string*& out) {
    if (is_bytes(v)) { out = &data(v); return true; }
    raise(T.TypeError, "a bytes-like object is required, not '" + type_name(v) + "'");
    return false;
}

// ---- codecs -------------------------------------------------------------------

std::string codec_name(const Value* v, bool& ok) {
    ok = true;
    if (!v || v->is_none()) return "utf-8";
    if (!is_str(*v)) {
        raise(T.TypeError, "decode() argument 'encoding' must be str, not " + type_name(*v));
        ok = false;
        return "";
    }
    std::string n;
    for (char c : as_str(*v)->s) n += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "utf-8" || n == "utf8") return "utf-8";
    if (n == "ascii" || n == "us-ascii") return "ascii";
    if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1") return "latin-1";
    raise(T.LookupError, "unknown encoding: " + as_str(*v)->s);
    ok = false;
    return "";
}

std::string errors_mode(const Value* v) { return v && is_str(*v) ? as_str(*v)->s : "strict"; }

// Length of the valid UTF-8 sequence at s[i], or 0 with `why` set (CPython's reasons).
std::size_t utf8_sequence(const std::string& s, std::size_t i, const char*& why, std::size_t& bad_end) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    bad_end = i + 1;
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else { why = "invalid start byte"; return 0; }
    for (std::size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) { why = "unexpected end of data"; bad_end = s.size(); return 0; }
        unsigned char x = b(i + k);
        if (x < (k == 1 ? lo : 0x80) || x > (k == 1 ? hi : 0xBF)) { why = "invalid continuation byte"; bad_end = i + k; return 0; }
    }
    return n;
}

Value decode(const std::string& in, const std::string& codec, const std::string& errors) {
    std::string out;
    for (std::size_t i = 0; i < in.size();) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        std::size_t n = 1, bad_end = i + 1;
        const char* why = nullptr;
        if (codec == "latin-1") {
            append_utf8(out, c);
            ++i;
            continue;
        }
        if (codec == "ascii") {
            if (c >= 0x80) why = "ordinal not in range(128)";
        } else {
            n = utf8_sequence(in, i, why, bad_end);
        }
        if (!why) {
            out.append(in, i, n);
            i += n;
            continue;
        }
        if (errors == "strict") {
            std::string pos = bad_end > i + 1 ? "bytes in position " + std::to_string(i) + "-" + std::to_string(bad_end - 1)
                                              : "byte " + byte_hex(c) + " in position " + std::to_string(i);
            return raise(g_unicode_decode_error, "'" + codec + "' codec can't decode " + pos + ": " + why);
        }
        if (errors == "replace") out += "\xEF\xBF\xBD";
        else if (errors != "ignore") return raise(T.LookupError, "unknown error handler name '" + errors + "'");
        i = bad_end;
    }
    return str_value(std::move(out));
}

Value encode(const std::string& in, const std::string& codec, const std::string& errors) {
    if (codec == "utf-8") return bytes_value(in);
    std::string out;
    for (std::size_t i = 0; i < in.size();) {
        // one code point of the (valid) UTF-8 text
        unsigned char c = static_cast<unsigned char>(in[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
        for (std::size_t k = 1; k < n && i + k < in.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(in[i + k]) & 0x3F);
        char32_t limit = codec == "ascii" ? 0x80 : 0x100;
        if (cp < limit) {
            out += static_cast<char>(cp);
        } else if (errors == "strict") {
            std::int64_t pos = 0;
            for (std::size_t k = 0; k < i; ++k) pos += (static_cast<unsigned char>(in[k]) & 0xC0) != 0x80;
            char buf[16];
            std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\U%08x" : cp > 0xFF ? "\\u%04x" : "\\x%02x", static_cast<unsigned>(cp));
            return raise(g_unicode_encode_error, "'" + codec + "' codec can't encode character '" + buf + "' in position " +
                                                     std::to_string(pos) + ": ordinal not in range(" + std::to_string(limit) + ")");
        } else if (errors == "replace") {
            out += '?';
        } else if (errors != "ignore") {
            return raise(T.LookupError, "unknown error handler name '" + errors + "'");
        }
        i += n;
    }
    return bytes_value(std::move(out));
}

// ---- construction ---------------------------------------------------------------

// bytes(), bytes(n), bytes(iterable of ints), bytes(str, encoding[, errors]), bytes(bytes)
Value t_bytes(Value* a, int n, const CallArgs& kw) {
    const Value* enc = n > 2 ? &a[2] : kwarg(kw, "encoding");
    const Value* err = n > 3 ? &a[3] : kwarg(kw, "errors");
    if (n < 2) return bytes_value("");
    const Value& x = a[1];
    if (is_str(x)) {
        if (!enc) return raise(T.TypeError, "string argument without an encoding");
        bool ok;
        std::string codec = codec_name(enc, ok);
        if (!ok) return Value();
        return encode(as_str(x)->s, codec, errors_mode(err));
    }
    if (enc) return raise(T.TypeError, "encoding without a string argument");
    if (is_bytes(x)) return x;
    if (x.tag == Tag::Int || x.tag == Tag::Bool) {
        if (x.i < 0) return raise(T.ValueError, "negative count");
        if (!reserve(static_cast<std::size_t>(x.i))) return Value();
        return bytes_value(std::string(static_cast<std::size_t>(x.i), '\0'));
    }
    if (is_int_like(x)) return raise(T.OverflowError, "cannot fit 'int' into an index-sized integer");
    Value it = get_iter(x);
    if (it.is_null()) {
        take_exc();
        return raise(T.TypeError, "cannot convert '" + type_name(x) + "' object to bytes");
    }
    std::string out;
    for (;;) {
        Value v = iter_next(it);
        if (v.is_null()) {
            if (has_exc()) return Value();
            break;
        }
        if (v.tag != Tag::Int && v.tag != Tag::Bool) {
            if (is_int_like(v)) return raise(T.ValueError, "bytes must be in range(0, 256)");
            return raise(T.TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
        }
        if (v.i < 0 || v.i > 255) return raise(T.ValueError, "bytes must be in range(0, 256)");
        if (out.size() % 4096 == 4095 && !reserve(out.size() + 1)) return Value();
        out += static_cast<char>(v.i);
    }
    return bytes_value(std::move(out));
}

// bytes.fromhex(s) (a class function: `a` holds only s)
Value b_fromhex(Value* a, int n, const CallArgs&) {
    if (n != 1) return raise(T.TypeError, "fromhex() takes exactly one argument (" + std::to_string(n) + " given)");
    if (!is_str(a[0])) return raise(T.TypeError, "fromhex() argument must be str, not " + type_name(a[0]));
    const std::string& s = as_str(a[0])->s;
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v') { ++i; continue; }
        auto hexd = [](char c) { return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1; };
        int hi = hexd(s[i]);
        int lo = i + 1 < s.size() ? hexd(s[i + 1]) : -1;
        if (hi < 0) return raise(T.ValueError, "non-hexadecimal number found in fromhex() arg at position " + std::to_string(i));
        if (lo < 0) return raise(T.ValueError, "non-hexadecimal number found in fromhex() arg at position " + std::to_string(i + 1));
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return bytes_value(std::move(out));
}

// ---- protocol -------------------------------------------------------------------

Value m_repr(Value* a, int, const CallArgs&) { return str_value(bytes_repr(data(a[0]))); }
Value m_len(Value* a, int, const CallArgs&) { return Value::integer(static_cast<std::int64_t>(data(a[0]).size())); }

Value m_getitem(Value* a, int, const CallArgs&) {
    const std::string& d = data(a[0]);
    auto len = static_cast<std::int64_t>(d.size());
    if (is_kind(a[1], Kind::Slice)) {
        std::int64_t start, stop, step, count;
        if (!slice_indices(static_cast<SliceObj*>(a[1].o), len, start, stop, step, count)) return Value();
        std::string out;
        if (step == 1) out = d.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(count));
        else
            for (std::int64_t k = 0, i = start; k < count; ++k, i += step) out += d[static_cast<std::size_t>(i)];
        return bytes_value(std::move(out));
    }
    if (!is_int_like(a[1]) || a[1].tag == Tag::Float)
        return raise(T.TypeError, "byte indices must be integers or slices, not " + type_name(a[1]));
    std::int64_t i;
    if (!to_index(a[1], i)) return Value();
    if (i < 0) i += len;
    if (i < 0 || i >= len) return raise(T.IndexError, "index out of range");
    return Value::integer(static_cast<unsigned char>(d[static_cast<std::size_t>(i)]));
}

Value m_iter(Value* a, int, const CallArgs&) {
    const std::string& d = data(a[0]);
    if (!reserve(d.size() * sizeof(Value))) return Value();
    std::vector<Value> items;
    items.reserve(d.size());
    for (unsigned char c : d) items.push_back(Value::integer(c));
    return get_iter(tuple_value(std::move(items)));
}

template <CmpOpKind op>
Value m_cmp(Value* a, int, const CallArgs&) {
    if (!is_bytes(a[1])) return not_implemented();
    int c = data(a[0]).compare(data(a[1]));
    switch (op) {
        case CmpOpKind::Eq: return Value::boolean(c == 0);
        case CmpOpKind::Lt: return Value::boolean(c < 0);
        case CmpOpKind::LtE: return Value::boolean(c <= 0);
        case CmpOpKind::Gt: return Value::boolean(c > 0);
        default: return Value::boolean(c >= 0);
    }
}

Value m_hash(Value* a, int, const CallArgs&) {
    // FNV-1a: equal bytes hash alike (CPython's own value is randomized per process)
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data(a[0])) h = (h ^ c) * 1099511628211ull;
    auto r = static_cast<std::int64_t>(h >> 1);
    return Value::integer(r == -1 ? -2 : r);
}

Value m_add(Value* a, int, const CallArgs&) {
    if (!is_bytes(a[1])) return raise(T.TypeError, "can't concat " + type_name(a[1]) + " to bytes");
    if (!reserve(data(a[0]).size() + data(a[1]).size())) return Value();
    return bytes_value(data(a[0]) + data(a[1]));
}

Value m_mul(Value* a, int, const CallArgs&) {
    if (a[1].tag != Tag::Int && a[1].tag != Tag::Bool) {
        if (is_int_like(a[1])) return raise(T.OverflowError, "cannot fit 'int' into an index-sized integer");
        return raise(T.TypeError, "can't multiply sequence by non-int of type '" + type_name(a[1]) + "'");
    }
    const std::string& d = data(a[0]);
    std::int64_t n = a[1].i < 0 ? 0 : a[1].i;
    if (n > 0 && d.size() > static_cast<std::size_t>(INT64_MAX / 2) / static_cast<std::size_t>(n))
        return raise(T.OverflowError, "repeated bytes are too long");
    std::size_t total = d.size() * static_cast<std::size_t>(n);
    if (!reserve(total)) return Value();
    std::string out;
    out.reserve(total);
    for (std::int64_t k = 0; k < n; ++k) out += d;
    return bytes_value(std::move(out));
}

Value m_contains(Value* a, int, const CallArgs&) {
    const Value& x = a[1];
    if (x.tag == Tag::Int || x.tag == Tag::Bool) {
        if (x.i < 0 || x.i > 255) return raise(T.ValueError, "byte must be in range(0, 256)");
        return Value::boolean(data(a[0]).find(static_cast<char>(x.i)) != std::string::npos);
    }
    const std::string* sub;
    if (!bytes_arg(x, sub)) return Value();
    return Value::boolean(data(a[0]).find(*sub) != std::string::npos);
}

// ---- methods --------------------------------------------------------------------

Value m_decode(Value* a, int n, const CallArgs& kw) {
    bool ok;
    std::string codec = codec_name(n > 1 ? &a[1] : kwarg(kw, "encoding"), ok);
    if (!ok) return Value();
    return decode(data(a[0]), codec, errors_mode(n > 2 ? &a[2] : kwarg(kw, "errors")));
}

Value str_encode(Value* a, int n, const CallArgs& kw) {
    bool ok;
    std::string codec = codec_name(n > 1 ? &a[1] : kwarg(kw, "encoding"), ok);
    if (!ok) return Value();
    return encode(as_str(a[0])->s, codec, errors_mode(n > 2 ? &a[2] : kwarg(kw, "errors")));
}

Value m_hex(Value* a, int n, const CallArgs& kw) {
    const Value* sep = n > 1 ? &a[1] : kwarg(kw, "sep");
    std::string s = sep && is_str(*sep) ? as_str(*sep)->s : "";
    if (!reserve(data(a[0]).size() * (2 + s.size()))) return Value();
    std::string out;
    static const char digits[] = "0123456789abcdef";
    for (unsigned char c : data(a[0])) {
        if (!out.empty()) out += s;
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return str_value(std::move(out));
}

// startswith / endswith: a bytes prefix or a tuple of them
template <bool Start>
Value m_affix(Value* a, int n, const CallArgs&) {
    if (n < 2) return raise(T.TypeError, std::string(Start ? "startswith" : "endswith") + "() takes at least 1 argument (0 given)");
    const std::string& d = data(a[0]);
    std::vector<Value> options;
    if (is_kind(a[1], Kind::Tuple)) options = static_cast<TupleObj*>(a[1].o)->items;
    else options.push_back(a[1]);
    for (const Value& o : options) {
        if (!is_bytes(o))
            return raise(T.TypeError, std::string(Start ? "startswith" : "endswith") +
                                          " first arg must be bytes or a tuple of bytes, not " + type_name(o));
        const std::string& p = data(o);
        if (p.size() <= d.size() && d.compare(Start ? 0 : d.size() - p.size(), p.size(), p) == 0) return Value::boolean(true);
    }
    return Value::boolean(false);
}

// find / index / count of a bytes or an int
template <int Which>  // 0 find, 1 index, 2 count
Value m_search(Value* a, int n, const CallArgs&) {
    static const char* names[] = {"find", "index", "count"};
    if (n < 2) return raise(T.TypeError, std::string(names[Which]) + "() takes at least 1 argument (0 given)");
    std::string needle;
    if (a[1].tag == Tag::Int) {
        if (a[1].i < 0 || a[1].i > 255) return raise(T.ValueError, "byte must be in range(0, 256)");
        needle = std::string(1, static_cast<char>(a[1].i));
    } else {
        const std::string* p;
        if (!bytes_arg(a[1], p)) return Value();
        needle = *p;
    }
    const std::string& d = data(a[0]);
    if (Which == 2) {
        if (needle.empty()) return Value::integer(static_cast<std::int64_t>(d.size() + 1));
        std::int64_t c = 0;
        for (std::size_t p = d.find(needle); p != std::string::npos; p = d.find(needle, p + needle.size())) ++c;
        return Value::integer(c);
    }
    std::size_t p = d.find(needle);
    if (p == std::string::npos) return Which == 1 ? raise(T.ValueError, "subsection not found") : Value::integer(-1);
    return Value::integer(static_cast<std::int64_t>(p));
}

Value m_split(Value* a, int n, const CallArgs& kw) {
    const Value* sepv = n > 1 ? &a[1] : kwarg(kw, "sep");
    const Value* maxv = n > 2 ? &a[2] : kwarg(kw, "maxsplit");
    std::int64_t maxsplit = -1;
    if (maxv && !to_index(*maxv, maxsplit)) return Value();
    const std::string& d = data(a[0]);
    std::vector<Value> parts;
    if (!sepv || sepv->is_none()) {
        for (std::string& part : split_whitespace(d, maxsplit)) parts.push_back(bytes_value(std::move(part)));
        return list_value(std::move(parts));
    }
    const std::string* sep;
    if (!bytes_arg(*sepv, sep)) return Value();
    if (sep->empty()) return raise(T.ValueError, "empty separator");
    std::size_t i = 0;
    for (std::size_t p; (maxsplit < 0 || static_cast<std::int64_t>(parts.size()) < maxsplit) &&
                        (p = d.find(*sep, i)) != std::string::npos;
         i = p + sep->size())
        parts.push_back(bytes_value(d.substr(i, p - i)));
    parts.push_back(bytes_value(d.substr(i)));
    return list_value(std::move(parts));
}

template <int Side>  // 1 left, 2 right, 3 both
Value m_strip(Value* a, int n, const CallArgs&) {
    const std::string& d = data(a[0]);
    const std::string* chars = nullptr;
    if (n > 1 && !a[1].is_none() && !bytes_arg(a[1], chars)) return Value();
    auto strip_it = [&](char c) { return chars ? chars->find(c) != std::string::npos : is_ws(c); };
    std::size_t b = 0, e = d.size();
    if (Side & 1) while (b < e && strip_it(d[b])) ++b;
    if (Side & 2) while (e > b && strip_it(d[e - 1])) --e;
    return bytes_value(d.substr(b, e - b));
}

Value m_join(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "join() takes exactly one argument (" + std::to_string(n - 1) + " given)");
    std::vector<Value> items;
    if (!collect(a[1], items)) return Value();
    const std::string& sep = data(a[0]);
    std::size_t total = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!is_bytes(items[i]))
            return raise(T.TypeError, "sequence item " + std::to_string(i) + ": expected a bytes-like object, " +
                                          type_name(items[i]) + " found");
        total += data(items[i]).size() + sep.size();
    }
    if (!reserve(total)) return Value();
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += data(items[i]);
    }
    return bytes_value(std::move(out));
}

template <bool Upper>
Value m_case(Value* a, int, const CallArgs&) {
    std::string out = data(a[0]);
    for (char& c : out)
        if (Upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) c = static_cast<char>(c ^ 0x20);
    return bytes_value(std::move(out));
}

Value m_replace(Value* a, int n, const CallArgs&) {
    if (n < 3) return raise(T.TypeError, "replace expected at least 2 arguments, got " + std::to_string(n - 1));
    const std::string *from, *to;
    if (!bytes_arg(a[1], from) || !bytes_arg(a[2], to)) return Value();
    std::int64_t count = -1;
    if (n > 3 && !to_index(a[3], count)) return Value();
    const std::string& d = data(a[0]);
    std::string out;
    std::size_t i = 0;
    std::int64_t done = 0;
    if (from->empty()) {
        // inserted before every byte and at the end, as CPython
        for (; i <= d.size() && (count < 0 || done < count); ++i, ++done) {
            if (!reserve(out.size() + to->size() + 1)) return Value();
            out += *to;
            if (i < d.size()) out += d[i];
        }
        if (i < d.size()) out.append(d, i, std::string::npos);
        return bytes_value(std::move(out));
    }
    for (std::size_t p; (count < 0 || done < count) && (p = d.find(*from, i)) != std::string::npos; ++done) {
        out.append(d, i, p - i);
        if (!reserve(out.size() + to->size())) return Value();
        out += *to;
        i = p + from->size();
    }
    out.append(d, i, std::string::npos);
    return bytes_value(std::move(out));
}

}  // namespace

ClassObj* bytes_type() {
    static ClassObj* cls = nullptr;
    if (cls) return cls;
    cls = make_builtin_class("bytes", T.object, Kind::Native);
    add_method(cls, "__new__", t_bytes);
    add_method(cls, "__repr__", m_repr);
    add_method(cls, "__str__", m_repr);
    add_method(cls, "__len__", m_len);
    add_method(cls, "__getitem__", m_getitem);
    add_method(cls, "__iter__", m_iter);
    add_method(cls, "__eq__", m_cmp<CmpOpKind::Eq>);
    add_method(cls, "__lt__", m_cmp<CmpOpKind::Lt>);
    add_method(cls, "__le__", m_cmp<CmpOpKind::LtE>);
    add_method(cls, "__gt__", m_cmp<CmpOpKind::Gt>);
    add_method(cls, "__ge__", m_cmp<CmpOpKind::GtE>);
    add_method(cls, "__hash__", m_hash);
    add_method(cls, "__add__", m_add);
    add_method(cls, "__mul__", m_mul);
    add_method(cls, "__rmul__", m_mul);
    add_method(cls, "__contains__", m_contains);
    add_method(cls, "decode", m_decode);
    add_method(cls, "hex", m_hex);
    add_class_function(cls, "fromhex", b_fromhex);
    add_method(cls, "startswith", m_affix<true>);
    add_method(cls, "endswith", m_affix<false>);
    add_method(cls, "find", m_search<0>);
    add_method(cls, "index", m_search<1>);
    add_method(cls, "count", m_search<2>);
    add_method(cls, "split", m_split);
    add_method(cls, "strip", m_strip<3>);
    add_method(cls, "lstrip", m_strip<1>);
    add_method(cls, "rstrip", m_strip<2>);
    add_method(cls, "join", m_join);
    add_method(cls, "upper", m_case<true>);
    add_method(cls, "lower", m_case<false>);
    add_method(cls, "replace", m_replace);
    g_unicode_decode_error = make_builtin_class("UnicodeDecodeError", T.UnicodeError, Kind::Exception);
    g_unicode_encode_error = make_builtin_class("UnicodeEncodeError", T.UnicodeError, Kind::Exception);
    add_method(T.str, "encode", str_encode);
    return cls;
}

bool is_bytes(const Value& v) { return v.tag == Tag::Obj && v.o->cls == bytes_type(); }

Value bytes_value(std::string d) { return Value(make<BytesObj>(std::move(d))); }

void register_bytes(DictObj* b) {
    dict_set_str(b, "bytes", Value(static_cast<Object*>(bytes_type())));
    dict_set_str(b, "UnicodeDecodeError", Value(static_cast<Object*>(g_unicode_decode_error)));
    dict_set_str(b, "UnicodeEncodeError", Value(static_cast<Object*>(g_unicode_encode_error)));
}

}  // namespace corolab::lang

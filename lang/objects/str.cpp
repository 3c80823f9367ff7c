// str: UTF-8 helpers, repr, formatting, and the str methods.
#include <algorithm>
#include <cstring>

#include "lang/num/format_spec.hpp"
#include "lang/num/percent_format.hpp"
#include "lang/objects/ops.hpp"
#include "lang/output.hpp"

namespace corolab::lang {

namespace { OutputSink g_sink; }
void set_output_sink(OutputSink sink) { g_sink = std::move(sink); }
OutputSink swap_output_sink(OutputSink sink) { std::swap(g_sink, sink); return sink; }
bool write_output(const std::string& text, bool err) { return g_sink ? g_sink(text, err) : true; }

std::int64_t utf8_length(std::string_view s, bool& ascii) {
    // Fast path: most text is ASCII; test 8 bytes at a time for a high bit.
    std::uint64_t high = 0;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        high |= w;
    }
    for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]);
    ascii = (high & 0x8080808080808080ULL) == 0;
    if (ascii) return static_cast<std::int64_t>(s.size());
    std::int64_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string utf8_prefix(std::string_view s, std::size_t code_points) {
    std::size_t p = 0;
    for (std::size_t k = 0; k < code_points && p < s.size(); ++k) {
        ++p;
        while (p < s.size() && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) ++p;
    }
    return std::string(s.substr(0, p));
}

static std::size_t cp_offset(const StrObj* s, std::int64_t i) {
    if (s->ascii) return static_cast<std::size_t>(i);
    std::size_t p = 0;
    for (std::int64_t k = 0; k < i && p < s->s.size(); ++k) {
        ++p;
        while (p < s->s.size() && (static_cast<unsigned char>(s->s[p]) & 0xC0) == 0x80) ++p;
    }
    return p;
}

Value str_index(StrObj* s, std::int64_t i) {
    std::size_t a = cp_offset(s, i), b = cp_offset(s, i + 1);
    return str_value(s->s.substr(a, b - a));
}

Value str_slice(StrObj* s, std::int64_t start, std::int64_t stop, std::int64_t step) {
    if (step == 1) {
        if (stop <= start) return str_value("");
        std::size_t a = cp_offset(s, start), b = cp_offset(s, stop);
        return str_value(s->s.substr(a, b - a));
    }
    std::string out;
    if (step > 0)
        for (std::int64_t i = start; i < stop; i += step) out += as_str(str_index(s, i))->s;
    else
        for (std::int64_t i = start; i > stop; i += step) out += as_str(str_index(s, i))->s;
    return str_value(std::move(out));
}

std::string repr_string(std::string_view s) {
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char q = has_single && !has_double ? '"' : '\'';
    std::string out(1, q);
    for (unsigned char c : s) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c == static_cast<unsigned char>(q)) { out += '\\'; out += static_cast<char>(c); }
                else if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", c);
                    out += buf;
                } else out += static_cast<char>(c);
        }
    }
    out += q;
    return out;
}

Value seq_repeat(const Value& seq, const Value& n) {
    std::int64_t k;
    if (!to_index(n, k)) return Value();
    if (k < 0) k = 0;
    auto total = [k](std::uint64_t unit) {  // bytes of the result, saturating
        return k && unit > UINT64_MAX / static_cast<std::uint64_t>(k) ? UINT64_MAX : unit * static_cast<std::uint64_t>(k);
    };
    if (is_str(seq)) {
        const std::string& s = as_str(seq)->s;
        // fresh pages cost more than the copy: a step per 2 bytes
        if (!charge_work(total(s.size()), total(s.size()) / 2)) return Value();
        std::size_t n = s.size() * static_cast<std::size_t>(k);
        std::string out;
        if (n) {
            out.reserve(n);
            out = s;
            while (out.size() * 2 <= n) out += out;  // doubling: few large copies
            out.append(out, 0, n - out.size());
        }
        return str_value(std::move(out));
    }
    auto& items = is_kind(seq, Kind::List) ? static_cast<ListObj*>(seq.o)->items : static_cast<TupleObj*>(seq.o)->items;
    if (!charge_work(total(items.size() * sizeof(Value)), total(items.size()) / 8)) return Value();
    std::vector<Value> out;
    out.reserve(items.size() * k);
    for (std::int64_t i = 0; i < k; ++i) out.insert(out.end(), items.begin(), items.end());
    return is_kind(seq, Kind::List) ? list_value(std::move(out)) : tuple_value(std::move(out));
}

Value str_mod(const Value& fmt, const Value& args) {
    // operands as the num library sees them; `keep` owns converted texts
    std::vector<Value> items;
    bool is_tuple = is_kind(args, Kind::Tuple);
    // A mapping: a dict, or (as CPython) any other object with __getitem__
    // that is not a tuple or a string (defaultdict, Counter: classes here).
    bool is_mapping = is_kind(args, Kind::Dict) ||
                      (is_kind(args, Kind::Instance) && !args.o->cls->lookup("__getitem__").is_null());
    if (is_tuple) items = static_cast<TupleObj*>(args.o)->items;
    else items.push_back(args);
    auto to_arg = [](const Value& v, num::PercentArg& a) {
        a.object = &v;
        a.type_name = v.tag == Tag::Obj ? std::string_view(v.o->cls->name) : std::string_view(type_of(v)->name);
        if (v.tag == Tag::Int) { a.kind = num::PercentArg::Kind::Int; a.i = v.i; }
        else if (v.tag == Tag::Float) { a.kind = num::PercentArg::Kind::Float; a.f = v.f; }
        else if (auto* b = bigint_of(v)) { a.kind = num::PercentArg::Kind::Big; a.big = b; }
        else if (is_str(v)) { a.kind = num::PercentArg::Kind::Str; a.s = as_str(v)->s; }
        else a.kind = num::PercentArg::Kind::Other;
    };
    std::vector<num::PercentArg> pargs(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) to_arg(items[i], pargs[i]);
    bool failed = false;
    auto conv = [&failed](const num::PercentArg& a, bool repr) {
        std::string out;
        const Value& v = *static_cast<const Value*>(a.object);
        if (!(repr ? append_repr(out, v) : append_str(out, v))) failed = true;
        return out;
    };
    std::vector<Value> looked;  // values found by %(key)s lookups
    looked.reserve(64);
    num::PercentCallbacks cb;
    cb.str = [&](const num::PercentArg& a) { return conv(a, false); };
    cb.repr = [&](const num::PercentArg& a) { return conv(a, true); };
    cb.lookup = [&](std::string_view key, num::PercentArg& out) {
        if (!is_mapping || looked.size() >= 64) return false;
        Value k = str_value(std::string(key));
        Value v = is_kind(args, Kind::Dict) ? dict_get(static_cast<DictObj*>(args.o), k) : getitem(args, k);
        if (v.is_null()) { if (has_exc()) failed = true; return false; }
        looked.push_back(v);
        to_arg(looked.back(), out);
        return true;
    };
    num::PercentOperand op;
    op.args = std::span<const num::PercentArg>(pargs.data(), pargs.size());
    op.is_tuple = is_tuple;
    op.is_mapping = is_mapping;
    std::string out;
    num::NumError e = num::percent_format(as_str(fmt)->s, op, cb, out);
    if (failed) return Value();
    if (e) return raise_num(e);
    return str_value(std::move(out));
}

Value format_value(const Value& v, const Value& spec_v) {
    std::string_view spec = spec_v.is_null() ? std::string_view() : std::string_view(as_str(spec_v)->s);
    std::string out;
    num::NumError e;
    if (v.tag == Tag::Obj && (v.o->cls->user || static_cast<Obj*>(v.o)->kind == Kind::Native)) {
        Value f = v.o->cls->lookup(rt().intern("__format__"));
        if (!f.is_null()) return call2(f, v, spec_v.is_null() ? str_value("") : spec_v);
    }
    if (spec.empty()) return str_of(v);
    if (v.tag == Tag::Int || v.tag == Tag::Bool) e = num::format_int(v.i, spec, out, type_name(v));
    else if (v.tag == Tag::Float) e = num::format_float(v.f, spec, out);
    else if (auto* b = bigint_of(v)) e = num::format_bigint(*b, spec, out);
    else if (is_str(v)) e = num::format_str(as_str(v)->s, spec, out);
    else {
        if (v.tag == Tag::Obj && v.o->cls->user) {
            Value s = str_of(v);
            if (s.is_null()) return s;
            return raise(T.TypeError, "unsupported format string passed to " + type_name(v) + ".__format__");
        }
        return raise(T.TypeError, "unsupported format string passed to " + type_name(v) + ".__format__");
    }
    if (e) return raise_num(e);
    return str_value(std::move(out));
}

// ---- str methods ------------------------------------------------------------------
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::vector<std::string> split_whitespace(const std::string& s, std::int64_t maxsplit) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (true) {
        while (i < s.size() && is_ws(s[i])) ++i;
        if (i >= s.size()) break;
        if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) {
            std::size_t e = s.size();
            while (e > i && is_ws(s[e - 1])) --e;
            out.push_back(s.substr(i, e - i));
            break;
        }
        std::size_t j = i;
        while (j < s.size() && !is_ws(s[j])) ++j;
        out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

namespace {
const std::string& S0(Value* a) { return as_str(a[0])->s; }
Value pred(Value* a, int (*f)(int)) {
    const std::string& s = S0(a);
    if (s.empty()) return Value::boolean(false);
    for (unsigned char c : s) if (!f(c)) return Value::boolean(false);
    return Value::boolean(true);
}

bool need_str(const Value& v, const char* what) {
    if (is_str(v)) return true;
    raise(T.TypeError, std::string(what) + (*what ? " " : "") + "must be str, not " + type_name(v));
    return false;
}

// UTF-8 code point iteration and simple case mapping (ASCII, Latin-1,
// Greek, Cyrillic: the letters tutorials print).
std::uint32_t decode_at(const std::string& s, std::size_t& i) {
    unsigned char c = s[i++];
    if (c < 0x80) return c;
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    std::uint32_t cp = c & (0x3F >> n);
    for (int k = 0; k < n && i < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}
void encode(std::string& out, std::uint32_t c) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3f)); }
    else if (c < 0x10000) { out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3f)); out += static_cast<char>(0x80 | (c & 0x3f)); }
    else { out += static_cast<char>(0xF0 | (c >> 18)); out += static_cast<char>(0x80 | ((c >> 12) & 0x3f)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3f)); out += static_cast<char>(0x80 | (c & 0x3f)); }
}
std::uint32_t to_upper_cp(std::uint32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}
std::uint32_t to_lower_cp(std::uint32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}
std::string map_case(const std::string& s, int mode) {  // 0 upper, 1 lower, 2 swap
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t c = decode_at(s, i);
        std::uint32_t u = to_upper_cp(c), l = to_lower_cp(c);
        encode(out, mode == 0 ? u : mode == 1 ? l : (u != c ? u : l));
    }
    return out;
}
bool is_upper_cp(std::uint32_t c) { return to_lower_cp(c) != c; }
bool is_lower_cp(std::uint32_t c) { return to_upper_cp(c) != c || c == 0xDF; }
Value m_upper(Value* a, int, const CallArgs&) { return str_value(map_case(S0(a), 0)); }
Value m_lower(Value* a, int, const CallArgs&) { return str_value(map_case(S0(a), 1)); }
Value m_swapcase(Value* a, int, const CallArgs&) { return str_value(map_case(S0(a), 2)); }
Value case_pred(Value* a, bool upper) {
    const std::string& s = S0(a);
    bool cased = false;
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t c = decode_at(s, i);
        if (upper ? is_lower_cp(c) : is_upper_cp(c)) return Value::boolean(false);
        if (is_upper_cp(c) || is_lower_cp(c)) cased = true;
    }
    return Value::boolean(cased);
}
Value m_isupper(Value* a, int, const CallArgs&) { return case_pred(a, true); }
Value m_islower(Value* a, int, const CallArgs&) { return case_pred(a, false); }
Value strip_impl(Value* a, int n, int which) {
    const std::string& s = S0(a);
    std::string chars;
    bool ws = n < 2 || a[1].is_none();
    if (!ws) { if (!need_str(a[1], "strip arg")) return Value(); chars = as_str(a[1])->s; }
    auto strip_c = [&](char c) { return ws ? is_ws(c) : chars.find(c) != std::string::npos; };
    std::size_t b = 0, e = s.size();
    if (which & 1) while (b < e && strip_c(s[b])) ++b;
    if (which & 2) while (e > b && strip_c(s[e - 1])) --e;
    return str_value(s.substr(b, e - b));
}
Value m_strip(Value* a, int n, const CallArgs&) { return strip_impl(a, n, 3); }
Value m_lstrip(Value* a, int n, const CallArgs&) { return strip_impl(a, n, 1); }
Value m_rstrip(Value* a, int n, const CallArgs&) { return strip_impl(a, n, 2); }
Value m_split(Value* a, int n, const CallArgs& kw) {
    const std::string& s = S0(a);
    std::int64_t maxsplit = -1;
    Value sep = n > 1 ? a[1] : Value::none();
    for (int i = 0; i < kw.nkw; ++i) {
        if (kw.kwn[i]->s == "sep") sep = kw.kwv[i];
        if (kw.kwn[i]->s == "maxsplit" && !to_index(kw.kwv[i], maxsplit)) return Value();
    }
    if (n > 2 && !to_index(a[2], maxsplit)) return Value();
    std::vector<Value> out;
    if (sep.is_none()) {
        for (std::string& part : split_whitespace(s, maxsplit)) out.push_back(str_value(std::move(part)));
        return list_value(std::move(out));
    }
    if (!need_str(sep, "sep")) return Value();
    const std::string& d = as_str(sep)->s;
    if (d.empty()) return raise(T.ValueError, "empty separator");
    std::size_t i = 0;
    while (true) {
        std::size_t j = s.find(d, i);
        if (j == std::string::npos || (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit)) {
            out.push_back(str_value(s.substr(i)));
            break;
        }
        out.push_back(str_value(s.substr(i, j - i)));
        i = j + d.size();
    }
    return list_value(std::move(out));
}
Value m_join(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "str.join() takes exactly one argument");
    // A list or tuple is read in place (collect() would copy it; nothing
    // below runs Python code); other iterables are collected first.
    std::vector<Value> collected;
    const std::vector<Value>* items = &collected;
    if (is_kind(a[1], Kind::List)) items = &static_cast<ListObj*>(a[1].o)->items;
    else if (is_kind(a[1], Kind::Tuple)) items = &static_cast<TupleObj*>(a[1].o)->items;
    else {
        Value it = get_iter(a[1]);
        if (it.is_null()) {  // CPython's words for a TypeError here
            if (exc_matches(rt().exc, T.TypeError)) { take_exc(); raise(T.TypeError, "can only join an iterable"); }
            return Value();
        }
        if (!collect(it, collected)) return Value();
    }
    // Sized first, then copied once; the code-point length is summed, not recounted.
    const StrObj* sep = as_str(a[0]);
    std::size_t bytes = 0;
    std::int64_t cps = 0;
    bool ascii = sep->ascii;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Value& v = (*items)[i];
        if (!is_str(v))
            return raise(T.TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " + type_name(v) + " found");
        bytes += as_str(v)->s.size();
        cps += as_str(v)->cp_len;
        ascii = ascii && as_str(v)->ascii;
    }
    if (items->size() > 1) {
        bytes += sep->s.size() * (items->size() - 1);
        cps += sep->cp_len * static_cast<std::int64_t>(items->size() - 1);
    }
    if (!reserve_memory(bytes)) return Value();
    std::string out(bytes, '\0');
    char* p = out.data();
    for (std::size_t i = 0; i < items->size(); ++i) {
        if (i) { std::memcpy(p, sep->s.data(), sep->s.size()); p += sep->s.size(); }
        const std::string& t = as_str((*items)[i])->s;
        std::memcpy(p, t.data(), t.size());
        p += t.size();
    }
    return str_value(std::move(out), cps, ascii);
}
Value m_replace(Value* a, int n, const CallArgs&) {
    if (n < 3) return raise(T.TypeError, "replace expected at least 2 arguments, got " + std::to_string(n - 1));
    if (!need_str(a[1], "replace() argument 1") || !need_str(a[2], "replace() argument 2")) return Value();
    std::int64_t count = -1;
    if (n > 3 && !to_index(a[3], count)) return Value();
    const std::string& s = S0(a);
    const std::string& from = as_str(a[1])->s;
    const std::string& to = as_str(a[2])->s;
    std::string out;
    std::size_t i = 0;
    std::int64_t done = 0;
    if (from.empty()) {
        for (std::size_t k = 0; k <= s.size(); ++k) {
            if (count < 0 || done < count) { out += to; ++done; }
            if (k < s.size()) out += s[k];
        }
        return str_value(std::move(out));
    }
    while (true) {
        std::size_t j = s.find(from, i);
        if (j == std::string::npos || (count >= 0 && done >= count)) break;
        out.append(s, i, j - i);
        out += to;
        i = j + from.size();
        ++done;
    }
    out.append(s, i);
    return str_value(std::move(out));
}
Value starts_ends(Value* a, int n, bool starts) {
    if (n < 2) return raise(T.TypeError, "startswith() takes at least 1 argument (0 given)");
    const std::string& s = S0(a);
    auto test = [&](const Value& p) -> int {
        if (!is_str(p)) return -1;
        const std::string& x = as_str(p)->s;
        if (x.size() > s.size()) return 0;
        return starts ? s.compare(0, x.size(), x) == 0 : s.compare(s.size() - x.size(), x.size(), x) == 0;
    };
    if (is_kind(a[1], Kind::Tuple)) {
        for (auto& p : static_cast<TupleObj*>(a[1].o)->items) if (test(p) == 1) return Value::boolean(true);
        return Value::boolean(false);
    }
    int r = test(a[1]);
    if (r < 0) return raise(T.TypeError, std::string(starts ? "startswith" : "endswith") + " first arg must be str or a tuple of str, not " + type_name(a[1]));
    return Value::boolean(r);
}
Value m_startswith(Value* a, int n, const CallArgs&) { return starts_ends(a, n, true); }
Value m_endswith(Value* a, int n, const CallArgs&) { return starts_ends(a, n, false); }
std::int64_t byte_to_cp(const StrObj* s, std::size_t b) {
    if (s->ascii) return static_cast<std::int64_t>(b);
    bool ascii;
    return utf8_length(std::string_view(s->s).substr(0, b), ascii);
}
// The byte range [b, e) of s[start:end] (code point slice bounds).
bool byte_range(StrObj* s, Value* a, int n, int first, std::size_t& b, std::size_t& e) {
    std::int64_t len = s->cp_len, start = 0, end = len;
    if (n > first && !a[first].is_none()) { if (!to_index(a[first], start)) return false; }
    if (n > first + 1 && !a[first + 1].is_none()) { if (!to_index(a[first + 1], end)) return false; }
    if (start < 0) start = std::max<std::int64_t>(0, start + len);
    if (end < 0) end = std::max<std::int64_t>(0, end + len);
    if (end > len) end = len;
    if (start > len) { b = e = std::string::npos; return true; }
    b = cp_offset(s, start);
    e = end < start ? b : cp_offset(s, end);
    return true;
}
Value find_impl(Value* a, int n, bool rev, bool raise_missing) {
    if (n < 2) return raise(T.TypeError, "find() takes at least 1 argument (0 given)");
    if (!need_str(a[1], "")) return Value();
    auto* s = as_str(a[0]);
    const std::string& sub = as_str(a[1])->s;
    std::size_t b, e;
    if (!byte_range(s, a, n, 2, b, e)) return Value();
    std::size_t p = std::string::npos;
    if (b != std::string::npos && e - b >= sub.size()) {
        std::string_view hay(s->s.data() + b, e - b);
        std::size_t q = rev ? hay.rfind(sub) : hay.find(sub);
        if (q != std::string_view::npos) p = b + q;
    }
    if (p == std::string::npos) {
        if (raise_missing) return raise(T.ValueError, "substring not found");
        return Value::integer(-1);
    }
    return Value::integer(byte_to_cp(s, p));
}
Value m_rindex(Value* a, int n, const CallArgs&) { return find_impl(a, n, true, true); }
Value partition_impl(Value* a, int n, bool rev) {
    if (n != 2) return raise(T.TypeError, "partition() takes exactly one argument");
    if (!need_str(a[1], "")) return Value();
    const std::string& s = S0(a);
    const std::string& sep = as_str(a[1])->s;
    if (sep.empty()) return raise(T.ValueError, "empty separator");
    std::size_t p = rev ? s.rfind(sep) : s.find(sep);
    if (p == std::string::npos)
        return rev ? tuple_value({str_value(""), str_value(""), a[0]}) : tuple_value({a[0], str_value(""), str_value("")});
    return tuple_value({str_value(s.substr(0, p)), a[1], str_value(s.substr(p + sep.size()))});
}
Value m_partition(Value* a, int n, const CallArgs&) { return partition_impl(a, n, false); }
Value m_rpartition(Value* a, int n, const CallArgs&) { return partition_impl(a, n, true); }
Value m_splitlines(Value* a, int n, const CallArgs& kw) {
    bool keep = n > 1 && truthy(a[1]) == 1;
    for (int i = 0; i < kw.nkw; ++i) if (kw.kwn[i]->s == "keepends") keep = truthy(kw.kwv[i]) == 1;
    const std::string& s = S0(a);
    std::vector<Value> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
        std::size_t eol = j;
        if (j < s.size()) { if (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') j += 2; else ++j; }
        out.push_back(str_value(s.substr(i, (keep ? j : eol) - i)));
        i = j;
    }
    return list_value(std::move(out));
}
Value m_rsplit(Value* a, int n, const CallArgs& kw) {
    const std::string& s = S0(a);
    std::int64_t maxsplit = -1;
    Value sep = n > 1 ? a[1] : Value::none();
    for (int i = 0; i < kw.nkw; ++i) {
        if (kw.kwn[i]->s == "sep") sep = kw.kwv[i];
        if (kw.kwn[i]->s == "maxsplit" && !to_index(kw.kwv[i], maxsplit)) return Value();
    }
    if (n > 2 && !to_index(a[2], maxsplit)) return Value();
    if (sep.is_none() || maxsplit < 0) {
        CallArgs none;
        Value args[3] = {a[0], sep, Value::integer(-1)};
        return m_split(args, 3, none);
    }
    if (!need_str(sep, "sep")) return Value();
    const std::string& d = as_str(sep)->s;
    if (d.empty()) return raise(T.ValueError, "empty separator");
    std::vector<Value> out;
    std::size_t end = s.size();
    while (static_cast<std::int64_t>(out.size()) < maxsplit) {
        std::size_t p = end >= d.size() ? s.rfind(d, end - d.size()) : std::string::npos;
        if (p == std::string::npos) break;
        out.push_back(str_value(s.substr(p + d.size(), end - p - d.size())));
        end = p;
    }
    out.push_back(str_value(s.substr(0, end)));
    std::reverse(out.begin(), out.end());
    return list_value(std::move(out));
}
Value m_removeprefix(Value* a, int n, const CallArgs&) {
    if (n != 2 || !need_str(a[1], "removeprefix() argument")) return n != 2 ? raise(T.TypeError, "removeprefix() takes exactly one argument") : Value();
    const std::string& s = S0(a);
    const std::string& p = as_str(a[1])->s;
    if (s.compare(0, p.size(), p) == 0 && s.size() >= p.size()) return str_value(s.substr(p.size()));
    return a[0];
}
Value m_removesuffix(Value* a, int n, const CallArgs&) {
    if (n != 2 || !need_str(a[1], "removesuffix() argument")) return n != 2 ? raise(T.TypeError, "removesuffix() takes exactly one argument") : Value();
    const std::string& s = S0(a);
    const std::string& p = as_str(a[1])->s;
    if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0) return str_value(s.substr(0, s.size() - p.size()));
    return a[0];
}
Value m_isalnum(Value* a, int, const CallArgs&) {
    return pred(a, [](int c) { return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') ? 1 : 0; });
}
Value m_find(Value* a, int n, const CallArgs&) { return find_impl(a, n, false, false); }
Value m_rfind(Value* a, int n, const CallArgs&) { return find_impl(a, n, true, false); }
Value m_index(Value* a, int n, const CallArgs&) { return find_impl(a, n, false, true); }
Value m_count(Value* a, int n, const CallArgs&) {
    if (n < 2) return raise(T.TypeError, "count() takes at least 1 argument (0 given)");
    if (!need_str(a[1], "")) return Value();
    std::size_t b, e;
    if (!byte_range(as_str(a[0]), a, n, 2, b, e)) return Value();
    if (b == std::string::npos) return Value::integer(0);
    std::string_view s(S0(a).data() + b, e - b);
    const std::string& x = as_str(a[1])->s;
    if (x.empty()) { bool ascii; return Value::integer(utf8_length(s, ascii) + 1); }
    std::int64_t c = 0;
    for (std::size_t i = s.find(x); i != std::string_view::npos; i = s.find(x, i + x.size())) ++c;
    return Value::integer(c);
}
Value m_isdigit(Value* a, int, const CallArgs&) { return pred(a, [](int c) { return c >= '0' && c <= '9' ? 1 : 0; }); }
Value m_isalpha(Value* a, int, const CallArgs&) { return pred(a, [](int c) { return ((c | 32) >= 'a' && (c | 32) <= 'z') ? 1 : 0; }); }
Value m_isspace(Value* a, int, const CallArgs&) { return pred(a, [](int c) { return is_ws(static_cast<char>(c)) ? 1 : 0; }); }
Value m_capitalize(Value* a, int, const CallArgs&) {
    std::string s = S0(a);
    for (std::size_t i = 0; i < s.size(); ++i) {
        char& c = s[i];
        if (i == 0 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        else if (i > 0 && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return str_value(std::move(s));
}
Value m_title(Value* a, int, const CallArgs&) {
    const std::string& s = S0(a);
    std::string out;
    bool prev_cased = false;
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t c = decode_at(s, i);
        bool cased = is_upper_cp(c) || is_lower_cp(c);
        encode(out, cased ? (prev_cased ? to_lower_cp(c) : to_upper_cp(c)) : c);
        prev_cased = cased;
    }
    return str_value(std::move(out));
}
Value pad(Value* a, int n, int where) {
    std::int64_t w;
    if (n < 2 || !to_index(a[1], w)) return Value();
    std::string fill = n > 2 ? as_str(a[2])->s : " ";
    auto* s = as_str(a[0]);
    if (w <= s->cp_len) return a[0];
    std::int64_t total = w - s->cp_len, left = where == 0 ? 0 : where == 2 ? total : total / 2 + (total & w & 1);
    if (where == 1) left = total / 2 + ((total & w) & 1);
    std::string out;
    for (std::int64_t i = 0; i < left; ++i) out += fill;
    out += s->s;
    for (std::int64_t i = 0; i < total - left; ++i) out += fill;
    return str_value(std::move(out));
}
Value m_expandtabs(Value* a, int n, const CallArgs& kw) {
    std::int64_t size = 8;
    const Value* t = n > 1 ? &a[1] : nullptr;
    for (int i = 0; i < kw.nkw; ++i)
        if (kw.kwn[i]->s == "tabsize") t = &kw.kwv[i];
    if (t && !to_index(*t, size)) return Value();
    const std::string& s = S0(a);
    std::string out;
    std::int64_t col = 0;  // code points since the last line break
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\t') {
            if (size > 0) {
                std::int64_t pad = size - col % size;
                if (!charge_work(static_cast<std::uint64_t>(pad), 0)) return Value();
                out.append(static_cast<std::size_t>(pad), ' ');
                col += pad;
            }
            continue;
        }
        out.push_back(c);
        if (c == '\n' || c == '\r') col = 0;
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;  // UTF-8 lead byte
    }
    return str_value(std::move(out));
}
Value m_ljust(Value* a, int n, const CallArgs&) { return pad(a, n, 0); }
Value m_center(Value* a, int n, const CallArgs&) { return pad(a, n, 1); }
Value m_rjust(Value* a, int n, const CallArgs&) { return pad(a, n, 2); }
Value m_zfill(Value* a, int n, const CallArgs&) {
    std::int64_t w;
    if (n < 2 || !to_index(a[1], w)) return Value();
    std::string s = S0(a);
    std::string sign;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) { sign = s.substr(0, 1); s = s.substr(1); }
    while (static_cast<std::int64_t>(s.size() + sign.size()) < w) s = "0" + s;
    return str_value(sign + s);
}

// string.Formatter._vformat: fields {} {0} {name} {x.attr} {x[0]} with
// !r/!s and :spec, where the spec may hold nested fields ("{:>{}}"),
// expanded as CPython does (two levels at most, auto-numbering shared).
// Appends to `out`; false when an exception is pending.
static bool vformat(const std::string& f, Value* a, int n, const CallArgs& kw, int& auto_idx, std::string& out,
                    int depth) {
    if (depth < 0) { raise(T.ValueError, "Max string recursion exceeded"); return false; }
    for (std::size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c == '}' ) {
            if (i + 1 < f.size() && f[i + 1] == '}') { out += '}'; ++i; continue; }
            raise(T.ValueError, "Single '}' encountered in format string");
            return false;
        }
        if (c != '{') { out += c; continue; }
        if (i + 1 < f.size() && f[i + 1] == '{') { out += '{'; ++i; continue; }
        std::size_t j = i + 1;
        int open = 1;
        while (j < f.size() && open) { if (f[j] == '{') ++open; else if (f[j] == '}') --open; if (open) ++j; }
        if (j >= f.size()) { raise(T.ValueError, "expected '}' before end of string"); return false; }
        std::string field = f.substr(i + 1, j - i - 1);
        i = j;
        std::string spec;
        char conv = 0;
        std::size_t colon = field.find(':');
        if (colon != std::string::npos) { spec = field.substr(colon + 1); field = field.substr(0, colon); }
        std::size_t bang = field.find('!');
        if (bang != std::string::npos) { conv = field.size() > bang + 1 ? field[bang + 1] : 0; field = field.substr(0, bang); }
        std::size_t k = 0;
        while (k < field.size() && field[k] != '.' && field[k] != '[') ++k;
        std::string head = field.substr(0, k);
        Value v;
        if (head.empty()) {
            if (auto_idx + 1 >= n) { raise(T.IndexError, "Replacement index " + std::to_string(auto_idx) + " out of range for positional args tuple"); return false; }
            v = a[1 + auto_idx++];
        } else if (head[0] >= '0' && head[0] <= '9') {
            int idx = std::stoi(head);
            if (idx + 1 >= n) { raise(T.IndexError, "Replacement index " + std::to_string(idx) + " out of range for positional args tuple"); return false; }
            v = a[1 + idx];
        } else {
            for (int q = 0; q < kw.nkw; ++q) if (kw.kwn[q]->s == head) v = kw.kwv[q];
            if (v.is_null()) { raise_value(make_exception(T.KeyError, {str_value(head)})); return false; }
        }
        while (k < field.size()) {
            if (field[k] == '.') {
                std::size_t e = k + 1;
                while (e < field.size() && field[e] != '.' && field[e] != '[') ++e;
                v = getattr(v, rt().intern(field.substr(k + 1, e - k - 1)));
                if (v.is_null()) return false;
                k = e;
            } else {
                std::size_t e = field.find(']', k);
                std::string key = field.substr(k + 1, e - k - 1);
                Value kv = !key.empty() && key[0] >= '0' && key[0] <= '9' ? Value::integer(std::stoll(key)) : str_value(key);
                v = getitem(v, kv);
                if (v.is_null()) return false;
                k = e + 1;
            }
        }
        if (conv == 'r') v = repr_of(v);
        else if (conv == 's') v = str_of(v);
        if (v.is_null()) return false;
        if (spec.find('{') != std::string::npos) {
            std::string expanded;
            if (!vformat(spec, a, n, kw, auto_idx, expanded, depth - 1)) return false;
            spec = std::move(expanded);
        }
        Value r = format_value(v, spec.empty() ? Value() : str_value(spec));
        if (r.is_null()) return false;
        out += as_str(r)->s;
    }
    return true;
}
Value m_format(Value* a, int n, const CallArgs& kw) {
    std::string out;
    int auto_idx = 0;
    if (!vformat(S0(a), a, n, kw, auto_idx, out, 2)) return Value();
    return str_value(std::move(out));
}
}  // namespace

void init_str_methods() {
    ClassObj* c = T.str;
    add_method(c, "upper", m_upper);
    add_method(c, "lower", m_lower);
    add_method(c, "strip", m_strip);
    add_method(c, "lstrip", m_lstrip);
    add_method(c, "rstrip", m_rstrip);
    add_method(c, "split", m_split);
    add_method(c, "join", m_join);
    add_method(c, "replace", m_replace);
    add_method(c, "startswith", m_startswith);
    add_method(c, "endswith", m_endswith);
    add_method(c, "find", m_find);
    add_method(c, "rfind", m_rfind);
    add_method(c, "index", m_index);
    add_method(c, "count", m_count);
    add_method(c, "format", m_format);
    add_method(c, "isdigit", m_isdigit);
    add_method(c, "isalpha", m_isalpha);
    add_method(c, "isspace", m_isspace);
    add_method(c, "capitalize", m_capitalize);
    add_method(c, "title", m_title);
    add_method(c, "ljust", m_ljust);
    add_method(c, "expandtabs", m_expandtabs);
    add_method(c, "rjust", m_rjust);
    add_method(c, "center", m_center);
    add_method(c, "zfill", m_zfill);
    add_method(c, "swapcase", m_swapcase);
    add_method(c, "casefold", m_lower);
    add_method(c, "isupper", m_isupper);
    add_method(c, "islower", m_islower);
    add_method(c, "isalnum", m_isalnum);
    add_method(c, "isdecimal", m_isdigit);
    add_method(c, "isnumeric", m_isdigit);
    add_method(c, "rindex", m_rindex);
    add_method(c, "partition", m_partition);
    add_method(c, "rpartition", m_rpartition);
    add_method(c, "splitlines", m_splitlines);
    add_method(c, "rsplit", m_rsplit);
    add_method(c, "removeprefix", m_removeprefix);
    add_method(c, "removesuffix", m_removesuffix);
}

}  // namespace corolab::lang

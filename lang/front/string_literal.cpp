#include "lang/front/string_literal.hpp"

#include <cstdio>

namespace corolab::lang {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(c | 0x20);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// String errors are reported where CPython reports them: just after the token.
void StringBuilder::fail(const std::string& message) const {
    throw SyntaxError("SyntaxError", message, src_, token_->end_line, token_->end_col, token_->end_line,
                      token_->end_col);
}

void StringBuilder::add(const Token& token, const FieldParser& parse_field) {
    token_ = &token;
    piece_span_ = {token.line, token.col, token.end_line, token.end_col};
    std::string_view text = token.text;
    std::size_t prefix = 0;
    bool raw = false, fstr = false, bytes = false;
    while (text[prefix] != '\'' && text[prefix] != '"') {
        char c = static_cast<char>(text[prefix] | 0x20);
        raw |= c == 'r';
        fstr |= c == 'f';
        bytes |= c == 'b';
        ++prefix;
    }
    (bytes ? any_bytes_ : any_str_) = true;
    char q = text[prefix];
    std::size_t qlen = text.size() >= prefix + 6 && text[prefix + 1] == q && text[prefix + 2] == q ? 3 : 1;
    std::size_t begin = token.offset + prefix + qlen;
    std::size_t end = token.offset + text.size() - qlen;
    if (fstr) {
        if (!is_fstring_) {
            is_fstring_ = true;
        }
        fstring(begin, end, raw, 0, values_, literal_, parse_field);
        return;
    }
    std::string_view body = std::string_view(src_.text()).substr(begin, end - begin);
    if (bytes)
        for (char c : body)
            if (static_cast<unsigned char>(c) >= 0x80)
                throw SyntaxError("SyntaxError", "bytes can only contain ASCII literal characters", src_, token.line,
                                  token.col, token.end_line, token.end_col);
    for (std::size_t i = 0; i < body.size();) {
        char c = body[i];
        if (c == '\\' && !raw) {
            i = bytes ? bytes_escape(body, i, literal_) : escape(body, i, literal_);
        } else if (c == '\r') {
            literal_ += '\n';
            i += (i + 1 < body.size() && body[i + 1] == '\n') ? 2 : 1;
        } else {
            literal_ += c;
            ++i;
        }
    }
}

std::size_t StringBuilder::escape(std::string_view body, std::size_t pos, std::string& out) {
    std::size_t i = pos + 1;
    if (i >= body.size()) {
        out += '\\';
        return i;
    }
    char c = body[i++];
    auto hex = [&](int digits, const char* what) {
        char32_t v = 0;
        for (int k = 0; k < digits; ++k) {
            int h = i < body.size() ? hex_value(body[i]) : -1;
            if (h < 0) {
                char buf[160];
                std::snprintf(buf, sizeof buf,
                              "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: "
                              "truncated %s escape",
                              pos, i - 1, what);
                fail(buf);
            }
            v = v * 16 + static_cast<char32_t>(h);
            ++i;
        }
        return v;
    };
    switch (c) {
        case '\n': break;
        case '\r':
            if (i < body.size() && body[i] == '\n') ++i;
            break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': append_utf8(out, hex(2, "\\xXX")); break;
        case 'u': append_utf8(out, hex(4, "\\uXXXX")); break;
        case 'U': {
            char32_t v = hex(8, "\\UXXXXXXXX");
            if (v > 0x10FFFF) {
                char buf[128];
                std::snprintf(buf, sizeof buf,
                              "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: "
                              "illegal Unicode character",
                              pos, i - 1);
                fail(buf);
            }
            append_utf8(out, v);
            break;
        }
        case 'N':
            throw SyntaxError("SyntaxError", std::string(kNotSupported) + "\\N{...} escapes", src_, token_->line,
                              token_->col, token_->end_line, token_->end_col);
        default:
            if (c >= '0' && c <= '7') {
                char32_t v = static_cast<char32_t>(c - '0');
                for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k)
                    v = v * 8 + static_cast<char32_t>(body[i++] - '0');
                append_utf8(out, v);
            } else {
                // Unknown escapes keep their backslash (CPython warns, then does the same).
                out += '\\';
                out += c;
            }
    }
    return i;
}

std::size_t StringBuilder::bytes_escape(std::string_view body, std::size_t pos, std::string& out) {
    std::size_t i = pos + 1;
    char c = i < body.size() ? body[i] : '\0';
    if (c == 'x') {
        int hi = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
        int lo = i + 2 < body.size() ? hex_value(body[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %zu", pos);
            fail(buf);
        }
        out += static_cast<char>(hi * 16 + lo);
        return i + 3;
    }
    if (c >= '0' && c <= '7') {
        unsigned v = static_cast<unsigned>(c - '0');
        ++i;
        for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k)
            v = v * 8 + static_cast<unsigned>(body[i++] - '0');
        out += static_cast<char>(v & 0xFF);
        return i;
    }
    if (c == 'u' || c == 'U' || c == 'N') {  // not escapes in bytes: kept as written
        out += '\\';
        return i;
    }
    return escape(body, pos, out);
}

std::string bytes_repr(std::string_view data) {
    bool has_single = data.find('\'') != std::string_view::npos;
    bool has_double = data.find('"') != std::string_view::npos;
    char q = has_single && !has_double ? '"' : '\'';
    std::string out = "b";
    out += q;
    for (unsigned char c : data) {
        if (c == static_cast<unsigned char>(q) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c >= 0x7f) {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    out += q;
    return out;
}

void StringBuilder::flush_literal(std::vector<Expr*>& out, std::string& text) {
    if (text.empty()) return;
    // Merge with a directly preceding literal piece.
    if (!out.empty() && out.back()->kind == ExprKind::Constant) {
        out.back()->as<Constant>()->text += text;
    } else {
        auto* c = arena_.make<Constant>();
        c->type = Constant::Type::Str;
        c->text = text;
        c->span = piece_span_;
        out.push_back(c);
    }
    text.clear();
}

std::size_t StringBuilder::fstring(std::size_t pos, std::size_t end, bool raw, int level,
                                   std::vector<Expr*>& out, std::string& text, const FieldParser& parse_field) {
    std::string_view s = src_.text();
    while (pos < end) {
        char c = s[pos];
        if (c == '\\' && !raw) {
            std::size_t body_start = pos;
            std::string_view body = s.substr(0, end);
            pos = escape(body, body_start, text);
            continue;
        }
        if (c == '{') {
            if (level == 0 && pos + 1 < end && s[pos + 1] == '{') {
                text += '{';
                pos += 2;
                continue;
            }
            flush_literal(out, text);
            pos = field(pos + 1, end, raw, level, out, text, parse_field);
            continue;
        }
        if (c == '}') {
            if (level > 0) return pos;
            if (pos + 1 < end && s[pos + 1] == '}') {
                text += '}';
                pos += 2;
                continue;
            }
            fail("f-string: single '}' is not allowed");
        }
        if (c == '\r') {
            text += '\n';
            pos += (pos + 1 < end && s[pos + 1] == '\n') ? 2 : 1;
            continue;
        }
        text += c;
        ++pos;
    }
    if (level > 0) fail("f-string: expecting '}'");
    return pos;
}

// CPython 3.11's fstring_find_expr: the expression ends at a top-level
// '!', ':', '}' or '=' that is not part of '!=', '==', '<=', '>='.
std::size_t StringBuilder::field(std::size_t pos, std::size_t end, bool raw, int level,
                                 std::vector<Expr*>& out, std::string& text, const FieldParser& parse_field) {
    if (level >= 2) fail("f-string: expressions nested too deeply");
    std::string_view s = src_.text();
    std::size_t expr_start = pos;
    int nested = 0;
    char quote = 0;
    int quote_len = 0;
    while (pos < end) {
        char ch = s[pos];
        if (ch == '\\') fail("f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote && (quote_len == 1 || (pos + 2 < end && s[pos + 1] == quote && s[pos + 2] == quote))) {
                pos += quote_len;
                quote = 0;
                continue;
            }
            ++pos;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            quote_len = (pos + 2 < end && s[pos + 1] == ch && s[pos + 2] == ch) ? 3 : 1;
            pos += quote_len;
            continue;
        }
        if (ch == '(' || ch == '[' || ch == '{') {
            if (++nested >= 200) fail("f-string: too many nested parenthesis");
            ++pos;
            continue;
        }
        if (ch == '#') fail("f-string expression part cannot include '#'");
        if (nested == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            char next = pos + 1 < end ? s[pos + 1] : 0;
            if (next == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
                pos += 2;
                continue;
            }
            if (ch == '>' || ch == '<') {
                ++pos;
                continue;
            }
            break;
        }
        if (ch == ')' || ch == ']' || ch == '}') {
            if (nested == 0) fail(std::string("f-string: unmatched '") + ch + "'");
            --nested;
        }
        ++pos;
    }
    if (quote) fail("f-string: unterminated string");
    if (pos >= end) fail("f-string: expecting '}'");
    bool blank = true;
    for (std::size_t k = expr_start; k < pos; ++k)
        if (!is_space(s[k])) blank = false;
    if (blank) fail("f-string: empty expression not allowed");

    const Token* tok = token_;
    Expr* value = parse_field(expr_start, pos - expr_start);
    token_ = tok;

    auto* fv = arena_.make<FormattedValue>();
    fv->value = value;
    fv->span = piece_span_;
    fv->depth = static_cast<std::uint16_t>(value->depth + 1);
    bool debug = false;
    if (s[pos] == '=') {
        ++pos;
        while (pos < end && is_space(s[pos])) ++pos;
        if (pos >= end) fail("f-string: expecting '}'");
        debug = true;
        text.append(s.substr(expr_start, pos - expr_start));
        flush_literal(out, text);
    }
    if (s[pos] == '!') {
        ++pos;
        if (pos >= end) fail("f-string: expecting '}'");
        char conv = s[pos++];
        if (conv != 's' && conv != 'r' && conv != 'a')
            fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        fv->conversion = conv;
    }
    if (pos < end && s[pos] == ':') {
        ++pos;
        auto* spec = arena_.make<JoinedStr>();
        spec->span = piece_span_;
        std::string spec_text;
        pos = fstring(pos, end, raw, level + 1, spec->values, spec_text, parse_field);
        flush_literal(spec->values, spec_text);
        for (const Expr* v : spec->values)
            if (v->depth + 1 > spec->depth) spec->depth = static_cast<std::uint16_t>(v->depth + 1);
        if (spec->depth + 1 > fv->depth) fv->depth = static_cast<std::uint16_t>(spec->depth + 1);
        fv->format_spec = spec;
    }
    if (pos >= end || s[pos] != '}') fail("f-string: expecting '}'");
    ++pos;
    if (debug && fv->conversion == 0 && fv->format_spec == nullptr) fv->conversion = 'r';
    out.push_back(fv);
    return pos;
}

namespace {
// CPython 3.11 gives every top-level piece of an f-string the span of the
// whole string expression (format specs keep their own token's span).
void span_pieces(std::vector<Expr*>& values, const Span& span) {
    for (Expr* v : values) v->span = span;
}
}  // namespace

Expr* StringBuilder::finish(const Token& first, const Token& last) {
    Span span{first.line, first.col, last.end_line, last.end_col};
    if (any_bytes_ && (any_str_ || is_fstring_)) {
        token_ = &last;
        fail("cannot mix bytes and nonbytes literals");
    }
    if (!is_fstring_) {
        auto* c = arena_.make<Constant>();
        c->type = any_bytes_ ? Constant::Type::Bytes : Constant::Type::Str;
        c->text = std::move(literal_);
        c->span = span;
        return c;
    }
    flush_literal(values_, literal_);
    span_pieces(values_, span);
    auto* j = arena_.make<JoinedStr>();
    j->values = std::move(values_);
    j->span = span;
    return j;
}

}  // namespace corolab::lang

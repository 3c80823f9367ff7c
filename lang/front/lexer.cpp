#include "lang/front/lexer.hpp"

#include <array>
#include <cstdio>
#include <string>

namespace corolab::lang {

namespace {

constexpr int kMaxIndentLevels = 100;  // CPython's MAXINDENT
constexpr int kMaxBracketDepth = 200;  // CPython's MAXLEVEL

struct Keyword {
    std::string_view word;
    T kind;
};
constexpr std::array<Keyword, 35> kKeywords{{
    {"False", T::False}, {"None", T::None}, {"True", T::True}, {"and", T::And},
    {"as", T::As}, {"assert", T::Assert}, {"async", T::Async}, {"await", T::Await},
    {"break", T::Break}, {"class", T::Class}, {"continue", T::Continue}, {"def", T::Def},
    {"del", T::Del}, {"elif", T::Elif}, {"else", T::Else}, {"except", T::Except},
    {"finally", T::Finally}, {"for", T::For}, {"from", T::From}, {"global", T::Global},
    {"if", T::If}, {"import", T::Import}, {"in", T::In}, {"is", T::Is},
    {"lambda", T::Lambda}, {"nonlocal", T::Nonlocal}, {"not", T::Not}, {"or", T::Or},
    {"pass", T::Pass}, {"raise", T::Raise}, {"return", T::Return}, {"try", T::Try},
    {"while", T::While}, {"with", T::With}, {"yield", T::Yield},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool is_ident_char(unsigned char c) { return is_ident_start(c) || is_digit(static_cast<char>(c)); }

constexpr char32_t kBadUtf8 = 0xFFFFFFFF;

// Decodes the UTF-8 code point at `p` (its byte length goes to `len`);
// kBadUtf8 (len 1) for a malformed sequence.
char32_t decode_utf8(std::string_view s, std::size_t p, int& len) {
    unsigned char c = static_cast<unsigned char>(s[p]);
    len = 1;
    if (c < 0x80) return c;
    int n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || p + n > s.size()) return kBadUtf8;
    char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int i = 1; i < n; ++i) {
        unsigned char d = static_cast<unsigned char>(s[p + i]);
        if ((d & 0xC0) != 0x80) return kBadUtf8;
        cp = (cp << 6) | (d & 0x3F);
    }
    len = n;
    return cp;
}

// Non-ASCII characters that cannot be part of an identifier and that pasted
// text commonly holds (smart quotes, dashes, no-break spaces). The rest of
// non-ASCII is accepted as identifier characters.
bool is_non_identifier(char32_t cp) {
    return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
           (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF || (cp >= 0xFF01 && cp <= 0xFF0F);
}
bool is_non_printable(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || cp == 0xFEFF;
}

class Lexer {
public:
    Lexer(const Source& src, std::size_t begin, std::size_t end, bool fragment)
        : src_(src), text_(src.text()), pos_(begin), end_(end), fragment_(fragment) {
        line_ = src.line_of(begin);
        line_start_ = src.line_start(line_);
        col_cache_pos_ = begin;
        col_cache_ = src.column_of(begin);
        at_line_start_ = !fragment;
        indents_.push_back({0, 0});
        // A UTF-8 byte order mark (editors on Windows add one) is not part of the program.
        if (!fragment && text_.substr(pos_, 3) == "\xEF\xBB\xBF") pos_ += 3;
    }

    TokenStream run() {
        TokenStream out;
        try {
            lex(out.tokens);
        } catch (SyntaxError& e) {
            out.error = std::move(e);
            out.unclosed_bracket = unclosed_;
        }
        return out;
    }

private:
    struct Indent {
        int col, altcol;
    };
    struct Bracket {
        char ch;
        int line, col;
    };

    const Source& src_;
    std::string_view text_;
    std::size_t pos_, end_;
    bool fragment_;
    int line_ = 1;
    std::size_t line_start_ = 0;
    mutable std::size_t col_cache_pos_ = 0;
    mutable int col_cache_ = 1;
    bool at_line_start_;
    std::vector<Indent> indents_;
    std::vector<Bracket> brackets_;
    bool unclosed_ = false;  // the error is an unclosed bracket at the end

    char peek(std::size_t k = 0) const { return pos_ + k < end_ ? text_[pos_ + k] : '\0'; }
    bool at_end() const { return pos_ >= end_; }

    // Character column (1-based) of byte offset p, which must be on the current
    // line. Positions are asked for in increasing order, so counting resumes
    // from the last answer: linear overall even on one huge line.
    int col_at(std::size_t p) const {
        if (p < col_cache_pos_) {
            col_cache_pos_ = line_start_;
            col_cache_ = 1;
        }
        for (std::size_t i = col_cache_pos_; i < p; ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col_cache_;
        col_cache_pos_ = p;
        return col_cache_;
    }

    [[noreturn]] void fail(const std::string& msg, int line, int col, int end_line = 0,
                           int end_col = 0, const char* type = "SyntaxError") {
        throw SyntaxError(type, msg, src_, line, col, end_line, end_col);
    }

    void new_line(std::size_t after) {
        ++line_;
        line_start_ = after;
        col_cache_pos_ = after;
        col_cache_ = 1;
    }

    // Consumes a line ending at pos_ ("\n", "\r\n" or "\r").
    void consume_newline() {
        if (peek() == '\r' && peek(1) == '\n') ++pos_;
        ++pos_;
        new_line(pos_);
    }
    bool at_newline() const { return peek() == '\n' || peek() == '\r'; }

    void push(std::vector<Token>& out, T kind, std::size_t start, std::size_t stop, int start_line,
              int start_col) {
        Token t;
        t.kind = kind;
        t.text = text_.substr(start, stop - start);
        t.offset = static_cast<std::uint32_t>(start);
        t.line = start_line;
        t.col = start_col;
        t.end_line = line_;
        t.end_col = col_at(stop);
        t.depth = static_cast<int>(brackets_.size());
        out.push_back(t);
    }

    void lex(std::vector<Token>& out) {
        for (;;) {
            if (at_line_start_ && brackets_.empty()) {
                if (!indentation(out)) continue;
            }
            while (peek() == ' ' || peek() == '\t' || peek() == '\f') ++pos_;
            if (at_end()) {
                finish(out);
                return;
            }
            char c = peek();
            std::size_t start = pos_;
            int line = line_, col = col_at(pos_);
            if (c == '#') {
                while (!at_end() && !at_newline()) ++pos_;
                continue;
            }
            if (at_newline()) {
                if (brackets_.empty() && !fragment_) {
                    push(out, T::Newline, start, start + 1, line, col);
                    out.back().end_col = col + 1;
                    at_line_start_ = true;
                }
                consume_newline();
                continue;
            }
            if (c == '\\') {
                ++pos_;
                if (at_end()) fail("unexpected EOF while parsing", line, col);
                if (!at_newline())
                    fail("unexpected character after line continuation character", line, col + 1);
                consume_newline();
                if (at_end()) fail("unexpected EOF while parsing", line, col);
                continue;
            }
            if (is_ident_start(static_cast<unsigned char>(c))) {
                if (string_prefix()) {
                    string_literal(out);
                } else {
                    name(out);
                }
                continue;
            }
            if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
                number(out);
                continue;
            }
            if (c == '"' || c == '\'') {
                string_literal(out);
                continue;
            }
            op(out);
        }
    }

    // Measures the indentation of a new logical line and emits INDENT/DEDENT.
    // Returns false when the line is blank or a comment (nothing to emit).
    bool indentation(std::vector<Token>& out) {
        int col = 0, altcol = 0;
        std::size_t start = pos_;
        for (;;) {
            char c = peek();
            if (c == ' ') {
                ++col;
                ++altcol;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;  // tabs to the next multiple of 8
                ++altcol;                 // ...and count as one column for the consistency check
            } else if (c == '\f') {
                col = altcol = 0;
            } else {
                break;
            }
            ++pos_;
        }
        if (at_end()) {
            at_line_start_ = false;
            return true;
        }
        if (peek() == '#' || at_newline()) {
            while (!at_end() && !at_newline()) ++pos_;
            if (!at_end()) consume_newline();
            return false;
        }
        at_line_start_ = false;
        int chars = col_at(pos_) - 1;
        auto tab_error = [&] {
            fail("inconsistent use of tabs and spaces in indentation", line_, 1, line_, 0, "TabError");
        };
        if (col == indents_.back().col) {
            if (altcol != indents_.back().altcol) tab_error();
        } else if (col > indents_.back().col) {
            // CPython's check: indent + 1 >= MAXINDENT, with indent = levels pushed so far.
            if (static_cast<int>(indents_.size()) >= kMaxIndentLevels)
                fail("too many levels of indentation", line_, 1, line_, -1, "IndentationError");
            if (altcol <= indents_.back().altcol) tab_error();
            indents_.push_back({col, altcol});
            push(out, T::Indent, start, pos_, line_, 1);
        } else {
            while (indents_.size() > 1 && col < indents_.back().col) {
                indents_.pop_back();
                push(out, T::Dedent, pos_, pos_, line_, chars + 1);
            }
            if (col != indents_.back().col) {
                int len = static_cast<int>(src_.line_text(line_).size());
                int line_chars = col_at(line_start_ + len) - 1;
                fail("unindent does not match any outer indentation level", line_, line_chars + 1,
                     line_, -1, "IndentationError");
            }
            if (altcol != indents_.back().altcol) tab_error();
        }
        return true;
    }

    void finish(std::vector<Token>& out) {
        if (!brackets_.empty() && !fragment_) {
            const Bracket& b = brackets_.back();
            unclosed_ = true;
            fail(std::string("'") + b.ch + "' was never closed", b.line, b.col, b.line, 0);
        }
        int col = col_at(pos_);
        if (!fragment_) {
            if (!out.empty() && out.back().kind != T::Newline && out.back().kind != T::Dedent &&
                out.back().kind != T::Indent) {
                push(out, T::Newline, pos_, pos_, line_, col);
                out.back().end_col = col + 1;
            }
            // CPython places the closing DEDENTs and ENDMARKER on the line after the last one.
            int eof_line = (pos_ > 0 && (text_[pos_ - 1] == '\n' || text_[pos_ - 1] == '\r')) ? line_ : line_ + 1;
            while (indents_.size() > 1) {
                indents_.pop_back();
                push(out, T::Dedent, pos_, pos_, eof_line, 1);
                out.back().end_line = eof_line;
                out.back().end_col = 1;
            }
            push(out, T::End, pos_, pos_, eof_line, 1);
            out.back().end_line = eof_line;
            out.back().end_col = 1;
        } else {
            push(out, T::End, pos_, pos_, line_, col);
        }
    }

    void name(std::vector<Token>& out) {
        std::size_t start = pos_;
        int col = col_at(pos_);
        while (!at_end() && is_ident_char(static_cast<unsigned char>(peek()))) {
            if (static_cast<unsigned char>(peek()) >= 0x80) {
                int len = 1;
                char32_t cp = decode_utf8(text_, pos_, len);
                if (cp == kBadUtf8 || is_non_identifier(cp)) {
                    if (cp == kBadUtf8) invalid_character(cp, col_at(pos_));
                    if (pos_ == start) invalid_character(cp, col);
                    break;
                }
                pos_ += len;
            } else {
                ++pos_;
            }
        }
        std::string_view word = text_.substr(start, pos_ - start);
        T kind = T::Name;
        for (const Keyword& k : kKeywords)
            if (k.word == word) kind = k.kind;
        push(out, kind, start, pos_, line_, col);
    }

    [[noreturn]] void invalid_character(char32_t cp, int col) {
        char buf[128];
        if (cp == kBadUtf8) {
            // The host hands over text that should be UTF-8; say where it is not, as CPython does.
            std::snprintf(buf, sizeof buf, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu",
                          static_cast<unsigned char>(text_[pos_]), pos_);
            fail(buf, line_, col, line_, col);
        }
        if (is_non_printable(cp)) {
            std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(cp));
            fail(buf, line_, col, line_, col);
        }
        int len = 1;
        decode_utf8(text_, pos_, len);
        std::string msg = "invalid character '" + std::string(text_.substr(pos_, len)) + "' (U+";
        std::snprintf(buf, sizeof buf, "%04X)", static_cast<unsigned>(cp));
        fail(msg + buf, line_, col, line_, col);
    }

    // True when pos_ starts a string prefix (r, b, u, f and two-letter mixes) plus a quote.
    bool string_prefix() const {
        std::size_t i = 0;
        bool r = false, b = false, u = false, f = false;
        for (; i < 3; ++i) {
            char c = static_cast<char>(peek(i) | 0x20);
            if (peek(i) == '"' || peek(i) == '\'') break;
            if (c == 'r' && !r && !u) r = true;
            else if (c == 'b' && !b && !u && !f) b = true;
            else if (c == 'u' && i == 0) u = true;
            else if (c == 'f' && !f && !b && !u) f = true;
            else return false;
        }
        return i > 0 && i < 3 && (peek(i) == '"' || peek(i) == '\'');
    }

    void string_literal(std::vector<Token>& out) {
        std::size_t start = pos_;
        int line = line_, col = col_at(pos_);
        while (peek() != '"' && peek() != '\'') ++pos_;
        char q = peek();
        bool triple = peek(1) == q && peek(2) == q;
        pos_ += triple ? 3 : 1;
        for (;;) {
            if (at_end()) {
                int detected = src_.line_of(end_ > 0 ? end_ - 1 : 0);
                fail(std::string(triple ? "unterminated triple-quoted string literal" : "unterminated string literal") +
                         " (detected at line " + std::to_string(detected) + ")",
                     line, col, line, col);
            }
            char c = peek();
            if (c == '\\') {
                ++pos_;
                if (at_end()) continue;
                if (at_newline()) {
                    consume_newline();
                } else {
                    ++pos_;
                }
                continue;
            }
            if (at_newline()) {
                if (!triple)
                    fail("unterminated string literal (detected at line " + std::to_string(line_) + ")",
                         line, col, line, col);
                consume_newline();
                continue;
            }
            if (c == q && (!triple || (peek(1) == q && peek(2) == q))) {
                pos_ += triple ? 3 : 1;
                break;
            }
            ++pos_;
        }
        Token t;
        t.kind = T::String;
        t.text = text_.substr(start, pos_ - start);
        t.offset = static_cast<std::uint32_t>(start);
        t.line = line;
        t.col = col;
        t.end_line = line_;
        t.end_col = col_at(pos_);
        t.depth = static_cast<int>(brackets_.size());
        out.push_back(t);
    }

    // Reads digits of `base` with single underscores between them. Returns
    // false if there were none. Fails on a misplaced underscore.
    bool digits(int base, const char* kind_name) {
        auto ok = [&](char c) {
            if (base == 16) return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
            return c >= '0' && c < '0' + base;
        };
        bool any = false;
        for (;;) {
            char c = peek();
            if (ok(c)) {
                ++pos_;
                any = true;
            } else if (c == '_' && (any || base != 10)) {
                if (!ok(peek(1))) {
                    ++pos_;
                    fail(std::string("invalid ") + kind_name + " literal", line_, col_at(pos_ - 1) + (base == 10 ? 0 : 1));
                }
                ++pos_;
            } else {
                break;
            }
        }
        return any;
    }

    void number(std::vector<Token>& out) {
        std::size_t start = pos_;
        int col = col_at(pos_);
        char p = static_cast<char>(peek(1) | 0x20);
        if (peek() == '0' && (p == 'x' || p == 'o' || p == 'b')) {
            pos_ += 2;
            int base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            const char* name = p == 'x' ? "hexadecimal" : p == 'o' ? "octal" : "binary";
            bool any = digits(base, name);
            if (base != 16 && is_digit(peek()))
                fail(std::string("invalid digit '") + peek() + "' in " + name + " literal", line_, col_at(pos_));
            if (!any) fail(std::string("invalid ") + name + " literal", line_, col_at(pos_) - 1);
            if (is_ident_char(static_cast<unsigned char>(peek())) && !keyword_follows())
                fail(std::string("invalid ") + name + " literal", line_, col_at(pos_));
            push(out, T::Number, start, pos_, line_, col);
            return;
        }
        bool is_float = false;
        digits(10, "decimal");
        std::size_t int_end = pos_;
        if (peek() == '.') {
            ++pos_;
            is_float = true;
            digits(10, "decimal");
        }
        if ((peek() | 0x20) == 'e') {
            std::size_t save = pos_;
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!is_digit(peek())) {
                pos_ = save;
                if (keyword_follows()) {
                    push(out, T::Number, start, pos_, line_, col);
                    return;
                }
                fail("invalid decimal literal", line_, col);
            }
            digits(10, "decimal");
            is_float = true;
        }
        if ((peek() | 0x20) == 'j') {
            ++pos_;
            fail(std::string(kNotSupported) + "imaginary numbers", line_, col, line_, col_at(pos_));
        }
        if (is_ident_char(static_cast<unsigned char>(peek())) && !keyword_follows())
            fail("invalid decimal literal", line_, col);
        if (!is_float && text_[start] == '0') {
            for (std::size_t i = start; i < int_end; ++i)
                if (text_[i] != '0' && text_[i] != '_')
                    fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                         line_, col, line_, col + 1);
        }
        push(out, T::Number, start, pos_, line_, col);
    }

    // CPython still accepts `1if x else y` / `0x1for` (with a warning).
    bool keyword_follows() const {
        static constexpr std::string_view kWords[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
        for (std::string_view w : kWords) {
            if (text_.substr(pos_, w.size()) == w &&
                (pos_ + w.size() >= end_ || !is_ident_char(static_cast<unsigned char>(text_[pos_ + w.size()]))))
                return true;
        }
        return false;
    }

    void op(std::vector<Token>& out) {
        std::size_t start = pos_;
        int col = col_at(pos_);
        char c = peek(), c1 = peek(1), c2 = peek(2);
        T kind = T::Invalid;
        int len = 1;
        auto two = [&](char next, T k2, T k1) {
            if (c1 == next) {
                len = 2;
                return k2;
            }
            return k1;
        };
        switch (c) {
            case '(': case '[': case '{': {
                if (static_cast<int>(brackets_.size()) >= kMaxBracketDepth)
                    fail("too many nested parentheses", line_, col, line_, col);
                brackets_.push_back({c, line_, col});
                kind = c == '(' ? T::LParen : c == '[' ? T::LBracket : T::LBrace;
                ++pos_;
                push(out, kind, start, pos_, line_, col);
                out.back().depth = static_cast<int>(brackets_.size()) - 1;
                return;
            }
            case ')': case ']': case '}': {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (brackets_.empty()) fail(std::string("unmatched '") + c + "'", line_, col, line_, col);
                if (brackets_.back().ch != open) {
                    const Bracket& b = brackets_.back();
                    std::string msg = std::string("closing parenthesis '") + c +
                                      "' does not match opening parenthesis '" + b.ch + "'";
                    if (b.line != line_) msg += " on line " + std::to_string(b.line);
                    fail(msg, line_, col, line_, col);
                }
                brackets_.pop_back();
                kind = c == ')' ? T::RParen : c == ']' ? T::RBracket : T::RBrace;
                break;
            }
            case ':': kind = two('=', T::ColonEqual, T::Colon); break;
            case ',': kind = T::Comma; break;
            case ';': kind = T::Semi; break;
            case '+': kind = two('=', T::PlusEqual, T::Plus); break;
            case '-':
                if (c1 == '>') { kind = T::RArrow; len = 2; }
                else kind = two('=', T::MinEqual, T::Minus);
                break;
            case '*':
                if (c1 == '*') { len = c2 == '=' ? 3 : 2; kind = c2 == '=' ? T::DoubleStarEqual : T::DoubleStar; }
                else kind = two('=', T::StarEqual, T::Star);
                break;
            case '/':
                if (c1 == '/') { len = c2 == '=' ? 3 : 2; kind = c2 == '=' ? T::DoubleSlashEqual : T::DoubleSlash; }
                else kind = two('=', T::SlashEqual, T::Slash);
                break;
            case '|': kind = two('=', T::VBarEqual, T::VBar); break;
            case '&': kind = two('=', T::AmpEqual, T::Amp); break;
            case '^': kind = two('=', T::CircumflexEqual, T::Circumflex); break;
            case '%': kind = two('=', T::PercentEqual, T::Percent); break;
            case '@': kind = two('=', T::AtEqual, T::At); break;
            case '~': kind = T::Tilde; break;
            case '=': kind = two('=', T::EqEqual, T::Equal); break;
            case '!': kind = two('=', T::NotEqual, T::Invalid); break;
            case '<':
                if (c1 == '<') { len = c2 == '=' ? 3 : 2; kind = c2 == '=' ? T::LeftShiftEqual : T::LeftShift; }
                else kind = two('=', T::LessEqual, T::Less);
                break;
            case '>':
                if (c1 == '>') { len = c2 == '=' ? 3 : 2; kind = c2 == '=' ? T::RightShiftEqual : T::RightShift; }
                else kind = two('=', T::GreaterEqual, T::Greater);
                break;
            case '.':
                if (c1 == '.' && c2 == '.') { len = 3; kind = T::Ellipsis; }
                else kind = T::Dot;
                break;
            default: {
                unsigned char u = static_cast<unsigned char>(c);
                if (u >= 0x80 || u < 0x20 || u == 0x7F) {
                    int n = 1;
                    invalid_character(decode_utf8(text_, pos_, n), col);
                }
                kind = T::Invalid;  // '$', '?', '`'
            }
        }
        if (kind == T::RParen || kind == T::RBracket || kind == T::RBrace) len = 1;
        pos_ += len;
        push(out, kind, start, pos_, line_, col);
    }
};

}  // namespace

std::string_view spelling(T kind) {
    switch (kind) {
        case T::Name: return "NAME";
        case T::Number: return "NUMBER";
        case T::String: return "STRING";
        case T::Newline: return "NEWLINE";
        case T::Indent: return "INDENT";
        case T::Dedent: return "DEDENT";
        case T::End: return "ENDMARKER";
        case T::LParen: return "(";
        case T::RParen: return ")";
        case T::LBracket: return "[";
        case T::RBracket: return "]";
        case T::LBrace: return "{";
        case T::RBrace: return "}";
        case T::Colon: return ":";
        case T::Comma: return ",";
        case T::Semi: return ";";
        case T::Plus: return "+";
        case T::Minus: return "-";
        case T::Star: return "*";
        case T::Slash: return "/";
        case T::VBar: return "|";
        case T::Amp: return "&";
        case T::Less: return "<";
        case T::Greater: return ">";
        case T::Equal: return "=";
        case T::Dot: return ".";
        case T::Percent: return "%";
        case T::EqEqual: return "==";
        case T::NotEqual: return "!=";
        case T::LessEqual: return "<=";
        case T::GreaterEqual: return ">=";
        case T::Tilde: return "~";
        case T::Circumflex: return "^";
        case T::LeftShift: return "<<";
        case T::RightShift: return ">>";
        case T::DoubleStar: return "**";
        case T::PlusEqual: return "+=";
        case T::MinEqual: return "-=";
        case T::StarEqual: return "*=";
        case T::SlashEqual: return "/=";
        case T::PercentEqual: return "%=";
        case T::AmpEqual: return "&=";
        case T::VBarEqual: return "|=";
        case T::CircumflexEqual: return "^=";
        case T::LeftShiftEqual: return "<<=";
        case T::RightShiftEqual: return ">>=";
        case T::DoubleStarEqual: return "**=";
        case T::DoubleSlash: return "//";
        case T::DoubleSlashEqual: return "//=";
        case T::At: return "@";
        case T::AtEqual: return "@=";
        case T::RArrow: return "->";
        case T::Ellipsis: return "...";
        case T::ColonEqual: return ":=";
        case T::Invalid: return "ERRORTOKEN";
        default:
            for (const Keyword& k : kKeywords)
                if (k.kind == kind) return k.word;
            return "?";
    }
}

void require_utf8(const Source& source) {
    std::string_view s = source.text();
    for (std::size_t p = 0; p < s.size();) {
        int len = 1;
        char32_t cp = decode_utf8(s, p, len);
        // overlong forms, surrogates and values past U+10FFFF are not UTF-8 either
        bool bad = cp == kBadUtf8 || (len == 2 && cp < 0x80) || (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
                   (len == 4 && (cp < 0x10000 || cp > 0x10FFFF));
        if (bad) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "Non-UTF-8 code starting with '\\x%02x' in file ", static_cast<unsigned char>(s[p]));
            throw CompileLimitError("SyntaxError", buf + source.file_name() + " on line " + std::to_string(source.line_of(p)) +
                                                       ", but no encoding declared; see https://peps.python.org/pep-0263/ for details");
        }
        p += len;
    }
}

TokenStream tokenize(const Source& source) {
    return Lexer(source, 0, source.text().size(), false).run();
}

TokenStream tokenize_fragment(const Source& source, std::size_t offset, std::size_t length) {
    return Lexer(source, offset, offset + length, true).run();
}

}  // namespace corolab::lang

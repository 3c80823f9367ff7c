#include "lang/front/parser.hpp"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>

#include "lang/front/lexer.hpp"
#include "lang/front/scope.hpp"
#include "lang/front/string_literal.hpp"

namespace corolab::lang {

namespace {

constexpr int kMaxRecursion = 400;  // parser call nesting (expressions, unary chains, lambdas)
// An elif chain nests in the AST (each elif is the orelse of the one
// before). CPython 3.11's parser runs out of its stack (MemoryError) at
// this many branches, and its compiler passes (RecursionError) at the next.
constexpr std::size_t kMaxElifChainParse = 5960;
constexpr std::size_t kMaxElifChainCompile = 2998;

bool starts_expression(T k) {
    switch (k) {
        case T::Name: case T::Number: case T::String: case T::LParen: case T::LBracket:
        case T::LBrace: case T::Minus: case T::Plus: case T::Tilde: case T::Not: case T::Lambda:
        case T::Await: case T::None: case T::True: case T::False: case T::Ellipsis:
            return true;
        default:
            return false;
    }
}

// Name of an expression kind as CPython's messages spell it ("function call").
const char* describe(const Expr* e) {
    switch (e->kind) {
        case ExprKind::Call: return "function call";
        case ExprKind::Constant: {
            auto t = e->as<Constant>()->type;
            if (t == Constant::Type::True) return "True";
            if (t == Constant::Type::False) return "False";
            if (t == Constant::Type::None) return "None";
            if (t == Constant::Type::Ellipsis) return "ellipsis";
            return "literal";
        }
        case ExprKind::BinOp: case ExprKind::UnaryOp: case ExprKind::BoolOp: return "expression";
        case ExprKind::Compare: return "comparison";
        case ExprKind::Lambda: return "lambda";
        case ExprKind::IfExp: return "conditional expression";
        case ExprKind::Await: return "await expression";
        case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
        case ExprKind::NamedExpr: return "named expression";
        case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
        case ExprKind::Dict: return "dict literal";
        case ExprKind::Set: return "set display";
        case ExprKind::ListComp: return "list comprehension";
        case ExprKind::SetComp: return "set comprehension";
        case ExprKind::DictComp: return "dict comprehension";
        case ExprKind::GeneratorExp: return "generator expression";
        case ExprKind::Starred: return "starred";
        case ExprKind::Tuple: return "tuple";
        case ExprKind::List: return "list";
        case ExprKind::Name: return "name";
        case ExprKind::Attribute: return "attribute";
        case ExprKind::Subscript: return "subscript";
        case ExprKind::Slice: return "slice";
    }
    return "expression";
}

class Parser {
public:
    Parser(const Source& src, Arena& arena, const TokenStream& ts, int& recursion, bool fragment)
        : src_(src), arena_(arena), toks_(ts.tokens), lex_error_(ts.error),
          recursion_(recursion), fragment_(fragment) {}

    Module* module() {
        auto* m = arena_.make<Module>();
        while (!is(T::End)) statement(m->body);
        if (longest_elif_chain_ >= kMaxElifChainCompile)
            throw CompileLimitError("RecursionError", "maximum recursion depth exceeded during compilation");
        return m;
    }

    // Whether a tokenizer error later in the file replaces this parser's error.
    // CPython tokenizes the rest of the file after a parser error unless the
    // parser already reached the end or failed on indentation; a tokenizer
    // error found then wins, except that an unclosed bracket wins only if
    // the parser had looked at a line after the bracket's.
    bool replaced_by(const TokenStream& ts) const {
        if (!ts.error || touched_end_ || indent_error_) return false;
        return !ts.unclosed_bracket || (!toks_.empty() && toks_[furthest_].line > ts.error->line);
    }

    // An f-string field's expression: star_expressions or yield, then End.
    Expr* fragment_expression() {
        if (is(T::End)) fail_at(cur(), "f-string: empty expression not allowed");
        Expr* e = is(T::Yield) ? yield_expr() : star_expressions();
        if (!is(T::End)) generic();
        return e;
    }

private:
    const Source& src_;
    Arena& arena_;
    const std::vector<Token>& toks_;
    const std::optional<SyntaxError>& lex_error_;
    mutable bool touched_end_ = false;  // tried to read where the tokenizer stopped
    bool indent_error_ = false;         // failed on an INDENT/DEDENT token
    mutable std::size_t furthest_ = 0;  // furthest token looked at
    std::size_t i_ = 0;
    int& recursion_;
    bool fragment_;
    std::size_t longest_elif_chain_ = 0;

    // ------------------------------------------------------------ tokens

    // Every token test goes through here (a dozen per token): kept small
    // enough to inline, the error path out of line.
    const Token& at(std::size_t k) const {
        if (k >= toks_.size()) [[unlikely]] past_lex_error();
        if (k > furthest_) furthest_ = k;
        return toks_[k];
    }
    // The tokenizer stopped at an error: reaching it reports it (CPython tokenizes lazily).
    [[noreturn, gnu::noinline]] void past_lex_error() const {
        touched_end_ = true;
        throw *lex_error_;
    }
    const Token& cur() const { return at(i_); }
    const Token& peek(std::size_t k = 1) const { return at(i_ + k); }
    const Token& prev() const { return toks_[i_ - 1]; }
    bool is(T k) const { return cur().kind == k; }
    const Token& take() {
        const Token& t = cur();
        ++i_;
        return t;
    }
    bool accept(T k) {
        if (!is(k)) return false;
        ++i_;
        return true;
    }
    const Token& expect(T k) {
        if (!is(k)) generic();
        return take();
    }

    // ------------------------------------------------------------ errors

    [[noreturn]] void fail(const std::string& msg, int line, int col, int end_line, int end_col,
                           const char* type = "SyntaxError") {
        throw SyntaxError(type, (fragment_ && !msg.starts_with("f-string") && !msg.starts_with(kNotSupported)
                                     ? "f-string: " + msg : msg),
                          src_, line, col, end_line, end_col);
    }
    [[noreturn]] void fail_at(const Token& t, const std::string& msg, const char* type = "SyntaxError") {
        fail(msg, t.line, t.col, t.end_line, t.end_col, type);
    }
    [[noreturn]] void fail_at(const Expr* e, const std::string& msg) {
        fail(msg, e->span.line, e->span.col, e->span.end_line, e->span.end_col);
    }
    [[noreturn]] void fail_range(const Span& a, const Span& b, const std::string& msg) {
        fail(msg, a.line, a.col, b.end_line, b.end_col);
    }
    [[noreturn]] void unsupported(const Token& t, const std::string& what) {
        fail_at(t, std::string(kNotSupported) + what);
    }
    // "invalid syntax" at the current token (parse() may replace it with a
    // tokenizer error later in the file, as CPython does).
    [[noreturn]] void generic() {
        const Token& t = cur();
        if (t.kind == T::Indent || (t.kind == T::Dedent && !fragment_)) {
            indent_error_ = true;
            if (t.kind == T::Indent)
                fail("unexpected indent", t.line, t.end_col - 1, t.line, -1, "IndentationError");
            fail("unexpected unindent", t.line, t.col, t.line, -1, "IndentationError");
        }
        if (lex_error_ && touched_end_) throw *lex_error_;
        fail_at(t, "invalid syntax");
    }

    struct Nest {
        Parser& p;
        explicit Nest(Parser& parser) : p(parser) {
            if (++p.recursion_ > kMaxRecursion) {
                --p.recursion_;
                p.fail_at(p.cur(), "too many nested parentheses");
            }
        }
        ~Nest() { --p.recursion_; }
        Nest(const Nest&) = delete;
        Nest& operator=(const Nest&) = delete;
    };

    // ------------------------------------------------------------ node helpers

    template <class N>
    N* node(const Token& start) {
        N* n = arena_.template make<N>();
        n->span.line = start.line;
        n->span.col = start.col;
        return n;
    }
    template <class N>
    N* node(const Span& start) {
        N* n = arena_.template make<N>();
        n->span.line = start.line;
        n->span.col = start.col;
        return n;
    }
    // Ends `n` at the last consumed token.
    template <class N>
    N* close(N* n) {
        n->span.end_line = prev().end_line;
        n->span.end_col = prev().end_col;
        return n;
    }
    // Records the subtree height; rejects expressions nested too deeply to walk.
    Expr* sized(Expr* e, std::initializer_list<const Expr*> kids) {
        int d = 0;
        for (const Expr* k : kids)
            if (k && k->depth > d) d = k->depth;
        return set_depth(e, d);
    }
    Expr* sized(Expr* e, const std::vector<Expr*>& kids, int d = 0) {
        for (const Expr* k : kids)
            if (k && k->depth > d) d = k->depth;
        return set_depth(e, d);
    }
    Expr* set_depth(Expr* e, int child_depth) {
        if (child_depth + 1 > kMaxExprDepth) fail_at(e, "too many nested parentheses");
        e->depth = static_cast<std::uint16_t>(child_depth + 1);
        return e;
    }
    int comp_depth(const std::vector<Comprehension*>& gens) {
        int d = 0;
        for (const Comprehension* c : gens) {
            d = std::max({d, int(c->target->depth), int(c->iter->depth)});
            for (const Expr* e : c->ifs) d = std::max(d, int(e->depth));
        }
        return d;
    }

    // ------------------------------------------------------------ statements

    void statement(Body& out) {
        switch (cur().kind) {
            case T::If: out.push_back(if_stmt(T::If)); return;
            case T::While: out.push_back(while_stmt()); return;
            case T::For: out.push_back(for_stmt(nullptr)); return;
            case T::Try: out.push_back(try_stmt()); return;
            case T::With: out.push_back(with_stmt(nullptr)); return;
            case T::Def: out.push_back(funcdef(nullptr, {})); return;
            case T::Class: out.push_back(classdef({})); return;
            case T::At: out.push_back(decorated()); return;
            case T::Async: {
                const Token& a = take();
                if (is(T::Def)) { out.push_back(funcdef(&a, {})); return; }
                if (is(T::For)) { out.push_back(for_stmt(&a)); return; }
                if (is(T::With)) { out.push_back(with_stmt(&a)); return; }
                generic();
            }
            case T::Indent: generic();
            case T::Name:
                if (cur().text == "match" && looks_like_match()) unsupported(cur(), "match statements");
                break;
            default: break;
        }
        simple_stmts(out);
    }

    // `match` is a soft keyword: `match x:` starts a match statement, while
    // `match(x)` or `match = 1` use a name: a match statement is `match`, an
    // expression, and ':' ending the logical line.
    bool looks_like_match() {
        std::size_t k = i_ + 1;
        if (k >= toks_.size()) return false;
        T next = toks_[k].kind;
        if (!starts_expression(next) || next == T::Not || next == T::Lambda) return false;
        for (; k < toks_.size(); ++k) {
            if (toks_[k].kind == T::Newline) return toks_[k - 1].kind == T::Colon;
        }
        return false;
    }

    void simple_stmts(Body& out) {
        for (;;) {
            out.push_back(simple_stmt());
            if (accept(T::Semi)) {
                if (is(T::Newline)) break;
                continue;
            }
            break;
        }
        if (fragment_) return;
        if (!is(T::Newline)) generic();
        take();
    }

    Stmt* simple_stmt() {
        const Token& start = cur();
        switch (start.kind) {
            case T::Pass: take(); return close(node<Pass>(start));
            case T::Break: take(); return close(node<Break>(start));
            case T::Continue: take(); return close(node<Continue>(start));
            case T::Return: {
                take();
                auto* r = node<Return>(start);
                if (!ends_simple_stmt()) r->value = star_expressions();
                return close(r);
            }
            case T::Raise: {
                take();
                auto* r = node<Raise>(start);
                if (!ends_simple_stmt()) {
                    r->exc = expression();
                    if (accept(T::From)) r->cause = expression();
                }
                return close(r);
            }
            case T::Global:
            case T::Nonlocal: {
                take();
                std::vector<std::string> names;
                do {
                    names.emplace_back(expect(T::Name).text);
                } while (accept(T::Comma));
                if (start.kind == T::Global) {
                    auto* g = node<Global>(start);
                    g->names = std::move(names);
                    return close(g);
                }
                auto* n = node<Nonlocal>(start);
                n->names = std::move(names);
                return close(n);
            }
            case T::Del: {
                take();
                auto* d = node<Delete>(start);
                do {
                    if (ends_simple_stmt()) break;
                    Expr* t = bitwise_or();
                    set_ctx(t, Ctx::Del, false);
                    d->targets.push_back(t);
                } while (accept(T::Comma));
                if (d->targets.empty()) generic();
                return close(d);
            }
            case T::Assert: {
                take();
                auto* a = node<Assert>(start);
                a->test = expression();
                if (accept(T::Comma)) a->msg = expression();
                return close(a);
            }
            case T::Import: return import_stmt();
            case T::From: return from_import();
            default: return expression_statement();
        }
    }

    bool ends_simple_stmt() const {
        T k = cur().kind;
        return k == T::Newline || k == T::Semi || k == T::End;
    }

    Stmt* import_stmt() {
        const Token& start = take();
        auto* s = node<Import>(start);
        do {
            s->names.push_back(alias(true));
        } while (accept(T::Comma));
        return close(s);
    }

    Alias* alias(bool dotted) {
        const Token& start = cur();
        auto* a = arena_.make<Alias>();
        a->name = std::string(expect(T::Name).text);
        while (dotted && accept(T::Dot)) {
            a->name += '.';
            a->name += expect(T::Name).text;
        }
        if (accept(T::As)) a->asname = std::string(expect(T::Name).text);
        a->span = {start.line, start.col, prev().end_line, prev().end_col};
        return a;
    }

    Stmt* from_import() {
        const Token& start = take();
        auto* s = node<ImportFrom>(start);
        for (;;) {
            if (accept(T::Dot)) s->level += 1;
            else if (accept(T::Ellipsis)) s->level += 3;
            else break;
        }
        if (is(T::Name)) {
            s->module = std::string(take().text);
            while (accept(T::Dot)) {
                s->module += '.';
                s->module += expect(T::Name).text;
            }
        } else if (s->level == 0) {
            generic();
        }
        expect(T::Import);
        if (is(T::Star)) {
            const Token& star = take();
            auto* a = arena_.make<Alias>();
            a->name = "*";
            a->span = {star.line, star.col, star.end_line, star.end_col};
            s->names.push_back(a);
            return close(s);
        }
        bool paren = accept(T::LParen);
        do {
            if (paren && is(T::RParen)) break;
            if (!paren && !s->names.empty() && is(T::Newline))
                fail_at(cur(), "trailing comma not allowed without surrounding parentheses");
            s->names.push_back(alias(false));
        } while (accept(T::Comma));
        if (paren) expect(T::RParen);
        if (s->names.empty()) generic();
        return close(s);
    }

    Stmt* expression_statement() {
        const Token& start = cur();
        Expr* first = is(T::Yield) ? yield_expr() : star_expressions();
        if (is(T::Colon)) {  // annotated assignment
            take();
            if (first->kind == ExprKind::Tuple)
                fail_at(first, "only single target (not tuple) can be annotated");
            if (first->kind == ExprKind::List)
                fail_at(first, "only single target (not list) can be annotated");
            if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
                first->kind != ExprKind::Subscript)
                fail_at(first, "illegal target for annotation");
            auto* a = node<AnnAssign>(start);
            a->simple = first->kind == ExprKind::Name && start.kind != T::LParen;
            set_ctx(first, Ctx::Store, false);
            a->target = first;
            a->annotation = expression();
            if (accept(T::Equal)) a->value = is(T::Yield) ? yield_expr() : star_expressions();
            return close(a);
        }
        if (auto op = augassign_op(cur().kind)) {
            take();
            if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
                first->kind != ExprKind::Subscript)
                fail_at(first, std::string("'") + describe(first) +
                                   "' is an illegal expression for augmented assignment");
            set_ctx(first, Ctx::Store, false);
            auto* a = node<AugAssign>(start);
            a->target = first;
            a->op = *op;
            a->value = is(T::Yield) ? yield_expr() : star_expressions();
            return close(a);
        }
        if (is(T::Equal)) {
            auto* a = node<Assign>(start);
            std::vector<Expr*> chain{first};
            while (accept(T::Equal)) chain.push_back(is(T::Yield) ? yield_expr() : star_expressions());
            a->value = chain.back();
            chain.pop_back();
            for (Expr* t : chain) set_ctx(t, Ctx::Store, chain.size() == 1);
            a->targets = std::move(chain);
            return close(a);
        }
        if (first->kind == ExprKind::Name && starts_expression(cur().kind) && cur().kind != T::LParen) {
            const std::string& id = first->as<Name>()->id;
            if (id == "print" || id == "exec") {
                std::size_t save = i_;
                try {
                    Expr* arg = star_expressions();
                    fail_range(first->span, arg->span,
                               "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
                } catch (SyntaxError& e) {
                    if (e.message.starts_with("Missing parentheses")) throw;
                    i_ = save;
                }
            }
        }
        auto* s = node<ExprStmt>(start);
        s->value = first;
        return close(s);
    }

    static std::optional<BinOpKind> augassign_op(T k) {
        switch (k) {
            case T::PlusEqual: return BinOpKind::Add;
            case T::MinEqual: return BinOpKind::Sub;
            case T::StarEqual: return BinOpKind::Mult;
            case T::AtEqual: return BinOpKind::MatMult;
            case T::SlashEqual: return BinOpKind::Div;
            case T::PercentEqual: return BinOpKind::Mod;
            case T::AmpEqual: return BinOpKind::BitAnd;
            case T::VBarEqual: return BinOpKind::BitOr;
            case T::CircumflexEqual: return BinOpKind::BitXor;
            case T::LeftShiftEqual: return BinOpKind::LShift;
            case T::RightShiftEqual: return BinOpKind::RShift;
            case T::DoubleStarEqual: return BinOpKind::Pow;
            case T::DoubleSlashEqual: return BinOpKind::FloorDiv;
            default: return std::nullopt;
        }
    }

    // Marks `e` as an assignment (Store) or deletion (Del) target, rejecting
    // what cannot be one with CPython's message. `hint` (a single plain `=`
    // assignment) allows CPython's "Maybe you meant '=='" suffix.
    void set_ctx(Expr* e, Ctx ctx, bool hint, bool nested = false) {
        switch (e->kind) {
            case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
                e->ctx = ctx;
                return;
            case ExprKind::Tuple: case ExprKind::List: {
                e->ctx = ctx;
                auto& elts = e->kind == ExprKind::Tuple ? e->as<Tuple>()->elts : e->as<List>()->elts;
                int starred = 0;
                for (Expr* x : elts) {
                    if (x->kind == ExprKind::Starred && ctx == Ctx::Store && ++starred > 1)
                        fail_at(e, "multiple starred expressions in assignment");
                    set_ctx(x, ctx, hint, true);
                }
                return;
            }
            case ExprKind::Starred:
                if (ctx == Ctx::Del) fail_at(e, "cannot delete starred");
                if (!nested) fail_at(e, "starred assignment target must be in a list or tuple");
                e->ctx = ctx;
                set_ctx(e->as<Starred>()->value, ctx, false, true);
                return;
            default: break;
        }
        std::string what = describe(e);
        if (ctx == Ctx::Del) fail_at(e, "cannot delete " + what);
        bool keyword_const = e->kind == ExprKind::Constant &&
                             (what == "True" || what == "False" || what == "None");
        // CPython hints only for targets at bitwise-or level (not `a == b`, `not a`, `a or b`...).
        bool below_bitwise_or = e->kind == ExprKind::Compare || e->kind == ExprKind::BoolOp ||
                                e->kind == ExprKind::IfExp || e->kind == ExprKind::Lambda ||
                                e->kind == ExprKind::Yield || e->kind == ExprKind::YieldFrom ||
                                (e->kind == ExprKind::UnaryOp && e->as<UnaryOp>()->op == UnaryOpKind::Not);
        if (hint && !keyword_const && !below_bitwise_or && e->kind != ExprKind::GeneratorExp && followed_by_equal(e))
            fail_at(e, "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?");
        fail_at(e, "cannot assign to " + what);
    }

    // A token CPython's grammar forces (`&&':'`): anything else is "expected ':'".
    void expect_forced(T kind) {
        if (accept(kind)) return;
        fail_at(cur(), "expected '" + std::string(spelling(kind)) + "'");
    }

    // Whether the token right after `e` is '=' (CPython's "Maybe you meant '=='" hint).
    bool followed_by_equal(const Expr* e) const {
        auto after = std::lower_bound(toks_.begin(), toks_.end(), e->span, [](const Token& t, const Span& end) {
            return t.line < end.end_line || (t.line == end.end_line && t.col < end.end_col);
        });
        // a named expression is always parenthesized: look past its ')'
        if (e->kind == ExprKind::NamedExpr)
            while (after != toks_.end() && after->kind == T::RParen) ++after;
        return after != toks_.end() && after->kind == T::Equal;
    }

    // `:` ending a compound statement header.
    void expect_colon() {
        if (accept(T::Colon)) return;
        if (is(T::Newline)) fail_at(cur(), "expected ':'");
        generic();
    }

    // A suite after `:`; `what` names the statement for CPython's indentation message.
    Body block(const std::string& what, int line) {
        Body body;
        if (!is(T::Newline)) {
            simple_stmts(body);
            return body;
        }
        take();
        if (!is(T::Indent)) {
            const Token& t = is(T::End) ? prev() : cur();
            fail("expected an indented block after " + what + " on line " + std::to_string(line), t.line,
                 t.col, t.end_line, t.end_col, "IndentationError");
        }
        take();
        while (!is(T::Dedent) && !is(T::End)) statement(body);
        accept(T::Dedent);
        return body;
    }

    // Condition of if/elif/while; catches `if x = 1:`.
    Expr* condition() {
        Expr* e = named_expression();
        if (is(T::Equal)) {
            std::size_t save = i_;
            take();
            if (starts_expression(cur().kind)) {
                Expr* value = bitwise_or();
                if (!is(T::Equal) && !is(T::ColonEqual)) {
                    if (e->kind == ExprKind::Name)
                        fail_range(e->span, value->span,
                                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                    if (e->kind != ExprKind::List && e->kind != ExprKind::Tuple)
                        fail_at(e, std::string("cannot assign to ") + describe(e) +
                                       " here. Maybe you meant '==' instead of '='?");
                }
            }
            i_ = save;
        }
        return e;
    }

    // An if and its elif chain, parsed in a loop (chains are thousands long).
    Stmt* if_stmt(T keyword) {
        std::vector<If*> chain;
        do {
            if (chain.size() + 1 >= kMaxElifChainParse) throw CompileLimitError("MemoryError", "");
            const Token& start = take();
            auto* s = node<If>(start);
            if (!chain.empty()) chain.back()->orelse.push_back(s);
            chain.push_back(s);
            s->test = condition();
            expect_colon();
            s->body = block(keyword == T::If ? "'if' statement" : "'elif' statement", start.line);
            keyword = T::Elif;
        } while (is(T::Elif));
        if (is(T::Else)) {
            const Token& e = take();
            expect_forced(T::Colon);
            chain.back()->orelse = block("'else' statement", e.line);
        }
        longest_elif_chain_ = std::max(longest_elif_chain_, chain.size());
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) close_body(*it);
        return chain.front();
    }

    // Ends a compound statement at its last nested statement.
    template <class N>
    N* close_body(N* n) {
        // prev() may be a NEWLINE/DEDENT: use the end of the last real token before them.
        std::size_t k = i_;
        while (k > 0 && (toks_[k - 1].kind == T::Newline || toks_[k - 1].kind == T::Dedent ||
                         toks_[k - 1].kind == T::Indent))
            --k;
        const Token& last = toks_[k > 0 ? k - 1 : 0];
        n->span.end_line = last.end_line;
        n->span.end_col = last.end_col;
        return n;
    }

    Stmt* while_stmt() {
        const Token& start = take();
        auto* s = node<While>(start);
        s->test = condition();
        expect_colon();
        s->body = block("'while' statement", start.line);
        if (is(T::Else)) {
            const Token& e = take();
            expect_forced(T::Colon);
            s->orelse = block("'else' statement", e.line);
        }
        return close_body(s);
    }

    // Targets of `for` and comprehensions: star_targets, stopping before `in`.
    Expr* for_targets() {
        const Token& start = cur();
        std::vector<Expr*> elts;
        bool comma = false;
        for (;;) {
            if (is(T::Star)) {
                const Token& st = take();
                auto* s = node<Starred>(st);
                s->value = bitwise_or();
                elts.push_back(sized(close(s), {s->value}));
            } else {
                elts.push_back(bitwise_or());
            }
            if (!is(T::Comma)) break;
            take();
            comma = true;
            if (is(T::In)) break;
        }
        Expr* target = elts[0];
        if (comma) {
            auto* t = node<Tuple>(start);
            t->elts = std::move(elts);
            target = sized(close(t), t->elts);
        }
        set_ctx(target, Ctx::Store, false);
        return target;
    }

    Stmt* for_stmt(const Token* async_tok) {
        const Token& kw = take();
        const Token& start = async_tok ? *async_tok : kw;
        auto* s = node<For>(start);
        s->is_async = async_tok != nullptr;
        s->target = for_targets();
        expect(T::In);
        s->iter = star_expressions();
        expect_colon();
        s->body = block("'for' statement", kw.line);
        if (is(T::Else)) {
            const Token& e = take();
            expect_forced(T::Colon);
            s->orelse = block("'else' statement", e.line);
        }
        return close_body(s);
    }

    Stmt* try_stmt() {
        const Token& start = take();
        auto* s = node<Try>(start);
        expect_forced(T::Colon);
        s->body = block("'try' statement", start.line);
        ExceptHandler* bare = nullptr;
        while (is(T::Except)) {
            const Token& ex = take();
            bool star = is(T::Star);
            if (s->handlers.empty()) {
                s->is_star = star;
            } else if (star != s->is_star) {
                const Token& last = star ? cur() : ex;
                fail("cannot have both 'except' and 'except*' on the same 'try'", ex.line, ex.col, last.end_line,
                     last.end_col);
            }
            if (star) {
                take();
                if (is(T::Colon)) fail_at(cur(), "expected one or more exception types");
            }
            auto* h = arena_.make<ExceptHandler>();
            h->span = {ex.line, ex.col, 0, 0};
            if (bare) {
                fail("default 'except:' must be last", bare->span.line, bare->span.col, bare->span.end_line,
                     bare->span.end_col);
            }
            if (!is(T::Colon)) {
                h->type = expression();
                if (is(T::Comma)) {
                    std::size_t save = i_;
                    take();
                    Expr* more = expression();
                    if (is(T::Colon) || is(T::As) || is(T::Comma))
                        fail_range(h->type->span, more->span, "multiple exception types must be parenthesized");
                    i_ = save;
                }
                if (accept(T::As)) h->name = std::string(expect(T::Name).text);
            }
            expect_colon();
            h->body = block(star ? "'except*' statement" : "'except' statement", ex.line);
            close_body(h);
            if (!h->type) bare = h;
            s->handlers.push_back(h);
        }
        if (is(T::Else)) {
            const Token& e = take();
            if (s->handlers.empty()) generic();
            expect_forced(T::Colon);
            s->orelse = block("'else' statement", e.line);
        }
        if (is(T::Finally)) {
            const Token& f = take();
            expect_forced(T::Colon);
            s->finalbody = block("'finally' statement", f.line);
        }
        if (s->handlers.empty() && s->finalbody.empty()) {
            if (lex_error_ && i_ >= toks_.size()) throw *lex_error_;
            fail_at(cur(), "expected 'except' or 'finally' block");
        }
        return close_body(s);
    }

    WithItem* with_item() {
        auto* w = arena_.make<WithItem>();
        w->context_expr = expression();
        if (accept(T::As)) {
            w->optional_vars = star_target();
            set_ctx(w->optional_vars, Ctx::Store, false);
        }
        return w;
    }

    // A single `as` target: a name, attribute, subscript or (parenthesized) tuple/list.
    Expr* star_target() {
        if (is(T::Star)) {
            const Token& st = take();
            auto* s = node<Starred>(st);
            s->value = bitwise_or();
            return sized(close(s), {s->value});
        }
        return bitwise_or();
    }

    Stmt* with_stmt(const Token* async_tok) {
        const Token& kw = take();
        const Token& start = async_tok ? *async_tok : kw;
        auto* s = node<With>(start);
        s->is_async = async_tok != nullptr;
        bool done = false;
        if (is(T::LParen)) {
            // Parenthesized items `with (a as b, c):`, if what follows the ')' is ':'.
            std::size_t save = i_;
            try {
                take();
                std::vector<WithItem*> items;
                do {
                    if (is(T::RParen)) break;
                    items.push_back(with_item());
                } while (accept(T::Comma));
                expect(T::RParen);
                if (is(T::Colon) && !items.empty()) {
                    s->items = std::move(items);
                    done = true;
                }
            } catch (SyntaxError&) {
            }
            if (!done) i_ = save;
        }
        if (!done) {
            do {
                s->items.push_back(with_item());
            } while (accept(T::Comma));
        }
        expect_colon();
        s->body = block("'with' statement", kw.line);
        return close_body(s);
    }

    Stmt* decorated() {
        std::vector<Expr*> decorators;
        while (accept(T::At)) {
            decorators.push_back(named_expression());
            expect(T::Newline);
        }
        if (is(T::Def)) return funcdef(nullptr, std::move(decorators));
        if (is(T::Class)) return classdef(std::move(decorators));
        if (is(T::Async) && peek().kind == T::Def) {
            const Token& a = take();
            return funcdef(&a, std::move(decorators));
        }
        generic();
    }

    // Positions start at `def` (or `async`), not at the decorators, as in CPython 3.8+.
    Stmt* funcdef(const Token* async_tok, std::vector<Expr*> decorators) {
        const Token& kw = take();
        const Token& start = async_tok ? *async_tok : kw;
        auto* f = node<FunctionDef>(start);
        f->is_async = async_tok != nullptr;
        f->decorators = std::move(decorators);
        f->name = std::string(expect(T::Name).text);
        expect_forced(T::LParen);
        f->args = parameters(T::RParen, true);
        expect(T::RParen);
        if (accept(T::RArrow)) f->returns = expression();
        expect_forced(T::Colon);
        f->body = block("function definition", kw.line);
        return close_body(f);
    }

    Stmt* classdef(std::vector<Expr*> decorators) {
        const Token& kw = take();
        auto* c = node<ClassDef>(kw);
        c->decorators = std::move(decorators);
        c->name = std::string(expect(T::Name).text);
        if (accept(T::LParen)) {
            call_arguments(c->bases, c->keywords, false);
            expect(T::RParen);
        }
        expect_colon();
        c->body = block("class definition", kw.line);
        return close_body(c);
    }

    Arg* param(bool annotations) {
        const Token& name = expect(T::Name);
        auto* a = arena_.make<Arg>();
        a->name = std::string(name.text);
        if (annotations && accept(T::Colon)) a->annotation = is(T::Star) ? star_target() : expression();
        a->span = {name.line, name.col, prev().end_line, prev().end_col};
        return a;
    }

    // Parameters of def (close = ')', with annotations) or lambda (close = ':').
    Arguments* parameters(T close_tok, bool annotations) {
        auto* a = arena_.make<Arguments>();
        bool seen_default = false, seen_star = false, seen_slash = false;
        const Token* bare_star = nullptr;
        while (!is(close_tok)) {
            if (is(T::Slash)) {
                const Token& sl = take();
                if (seen_slash || seen_star || a->args.empty()) fail_at(sl, "invalid syntax");
                seen_slash = true;
                a->posonlyargs = std::move(a->args);
                a->args.clear();
            } else if (is(T::Star)) {
                const Token& st = take();
                if (seen_star) fail_at(st, "* argument may appear only once");
                seen_star = true;
                if (is(T::Comma) || is(close_tok)) bare_star = &st;
                else a->vararg = param(annotations);
            } else if (is(T::DoubleStar)) {
                take();
                a->kwarg = param(annotations);
                accept(T::Comma);
                if (!is(close_tok)) {
                    if (is(T::Name) || is(T::Star) || is(T::DoubleStar))
                        fail_at(cur(), "arguments cannot follow var-keyword argument");
                    generic();
                }
                break;
            } else {
                Arg* p = param(annotations);
                Expr* def = nullptr;
                if (accept(T::Equal)) def = expression();
                if (seen_star) {
                    a->kwonlyargs.push_back(p);
                    a->kw_defaults.push_back(def);
                } else if (def) {
                    seen_default = true;
                    a->args.push_back(p);
                    a->defaults.push_back(def);
                } else {
                    if (seen_default)
                        fail("non-default argument follows default argument", p->span.line, p->span.col,
                             p->span.end_line, p->span.end_col);
                    a->args.push_back(p);
                }
            }
            if (!accept(T::Comma)) break;
        }
        if (bare_star && a->kwonlyargs.empty()) fail_at(*bare_star, "named arguments must follow bare *");
        if (!is(close_tok)) generic();
        return a;
    }

    // ------------------------------------------------------------ expressions

    Expr* star_expressions() {
        const Token& start = cur();
        Expr* first = star_expression();
        if (!is(T::Comma)) return first;
        auto* t = node<Tuple>(start);
        t->elts.push_back(first);
        while (accept(T::Comma)) {
            if (!starts_expression(cur().kind) && !is(T::Star)) break;
            t->elts.push_back(star_expression());
        }
        return sized(close(t), t->elts);
    }

    Expr* star_named_expression() { return is(T::Star) ? star_expression() : named_expression(); }

    Expr* star_expression() {
        if (is(T::Star)) {
            const Token& st = take();
            auto* s = node<Starred>(st);
            s->value = bitwise_or();
            return sized(close(s), {s->value});
        }
        return expression();
    }

    // `NAME := expression` where the grammar allows it (conditions, displays,
    // arguments, subscripts, comprehension elements, parentheses).
    Expr* named_expression() {
        if (is(T::Name) && peek().kind == T::ColonEqual) {
            Nest guard(*this);
            const Token& name = take();
            auto* target = node<Name>(name);
            target->id = std::string(name.text);
            target->ctx = Ctx::Store;
            close(target);
            take();  // ':='
            auto* n = node<NamedExpr>(name);
            n->target = target;
            n->value = expression();
            return sized(close(n), {n->target, n->value});
        }
        Expr* e = expression();
        if (is(T::ColonEqual)) fail_at(e, std::string("cannot use assignment expressions with ") + describe(e));
        return e;
    }

    Expr* yield_expr() {
        Nest guard(*this);
        const Token& start = take();
        if (accept(T::From)) {
            auto* y = node<YieldFrom>(start);
            y->value = expression();
            return sized(close(y), {y->value});
        }
        auto* y = node<Yield>(start);
        if (starts_expression(cur().kind) || is(T::Star)) y->value = star_expressions();
        return sized(close(y), {y->value});
    }

    Expr* expression() {
        Nest guard(*this);
        if (is(T::Lambda)) return lambda();
        const Token& start = cur();
        Expr* body = disjunction();
        if (!is(T::If)) return body;
        take();
        auto* e = node<IfExp>(start);
        e->body = body;
        e->test = disjunction();
        if (!is(T::Else)) {
            if (is(T::Newline) || is(T::RParen) || is(T::Comma) || is(T::RBracket) || is(T::End) ||
                is(T::ColonEqual))
                fail_range(body->span, e->test->span, "expected 'else' after 'if' expression");
            generic();
        }
        take();
        e->orelse = expression();
        return sized(close(e), {e->body, e->test, e->orelse});
    }

    Expr* lambda() {
        const Token& start = take();
        auto* l = node<Lambda>(start);
        l->args = parameters(T::Colon, false);
        expect(T::Colon);
        l->body = expression();
        return sized(close(l), {l->body});
    }

    // Compound expressions span from their first token (a '(' around the
    // first operand included) to their last, as in CPython.
    Expr* disjunction() {
        const Token& start = cur();
        Expr* first = conjunction();
        if (!is(T::Or)) return first;
        auto* b = node<BoolOp>(start);
        b->op = BoolOpKind::Or;
        b->values.push_back(first);
        while (accept(T::Or)) b->values.push_back(conjunction());
        return sized(close(b), b->values);
    }

    Expr* conjunction() {
        const Token& start = cur();
        Expr* first = inversion();
        if (!is(T::And)) return first;
        auto* b = node<BoolOp>(start);
        b->op = BoolOpKind::And;
        b->values.push_back(first);
        while (accept(T::And)) b->values.push_back(inversion());
        return sized(close(b), b->values);
    }

    Expr* inversion() {
        if (!is(T::Not)) return comparison();
        Nest guard(*this);
        const Token& start = take();
        auto* u = node<UnaryOp>(start);
        u->op = UnaryOpKind::Not;
        u->operand = inversion();
        return sized(close(u), {u->operand});
    }

    std::optional<CmpOpKind> compare_op() {
        switch (cur().kind) {
            case T::EqEqual: take(); return CmpOpKind::Eq;
            case T::NotEqual: take(); return CmpOpKind::NotEq;
            case T::Less: take(); return CmpOpKind::Lt;
            case T::LessEqual: take(); return CmpOpKind::LtE;
            case T::Greater: take(); return CmpOpKind::Gt;
            case T::GreaterEqual: take(); return CmpOpKind::GtE;
            case T::In: take(); return CmpOpKind::In;
            case T::Is:
                take();
                return accept(T::Not) ? CmpOpKind::IsNot : CmpOpKind::Is;
            case T::Not:
                if (peek().kind == T::In) {
                    take();
                    take();
                    return CmpOpKind::NotIn;
                }
                return std::nullopt;
            default: return std::nullopt;
        }
    }

    Expr* comparison() {
        const Token& start = cur();
        Expr* left = bitwise_or();
        auto op = compare_op();
        if (!op) return left;
        auto* c = node<Compare>(start);
        c->left = left;
        do {
            c->ops.push_back(*op);
            c->comparators.push_back(bitwise_or());
        } while ((op = compare_op()));
        return sized(close(c), c->comparators, left->depth);
    }

    // `right` was just parsed: the node ends at the last token consumed.
    Expr* binary(const Token& start, Expr* left, BinOpKind op, Expr* right) {
        auto* b = node<BinOp>(start);
        b->left = left;
        b->op = op;
        b->right = right;
        return sized(close(b), {left, right});
    }

    Expr* bitwise_or() {
        const Token& start = cur();
        Expr* e = bitwise_xor();
        while (accept(T::VBar)) e = binary(start, e, BinOpKind::BitOr, bitwise_xor());
        return e;
    }
    Expr* bitwise_xor() {
        const Token& start = cur();
        Expr* e = bitwise_and();
        while (accept(T::Circumflex)) e = binary(start, e, BinOpKind::BitXor, bitwise_and());
        return e;
    }
    Expr* bitwise_and() {
        const Token& start = cur();
        Expr* e = shift_expr();
        while (accept(T::Amp)) e = binary(start, e, BinOpKind::BitAnd, shift_expr());
        return e;
    }
    Expr* shift_expr() {
        const Token& start = cur();
        Expr* e = sum();
        for (;;) {
            if (accept(T::LeftShift)) e = binary(start, e, BinOpKind::LShift, sum());
            else if (accept(T::RightShift)) e = binary(start, e, BinOpKind::RShift, sum());
            else return e;
        }
    }
    Expr* sum() {
        const Token& start = cur();
        Expr* e = term();
        for (;;) {
            if (accept(T::Plus)) e = binary(start, e, BinOpKind::Add, term());
            else if (accept(T::Minus)) e = binary(start, e, BinOpKind::Sub, term());
            else return e;
        }
    }
    Expr* term() {
        const Token& start = cur();
        Expr* e = factor();
        for (;;) {
            BinOpKind op;
            switch (cur().kind) {
                case T::Star: op = BinOpKind::Mult; break;
                case T::Slash: op = BinOpKind::Div; break;
                case T::DoubleSlash: op = BinOpKind::FloorDiv; break;
                case T::Percent: op = BinOpKind::Mod; break;
                case T::At: op = BinOpKind::MatMult; break;
                default: return e;
            }
            take();
            e = binary(start, e, op, factor());
        }
    }
    Expr* factor() {
        UnaryOpKind op;
        switch (cur().kind) {
            case T::Plus: op = UnaryOpKind::UAdd; break;
            case T::Minus: op = UnaryOpKind::USub; break;
            case T::Tilde: op = UnaryOpKind::Invert; break;
            default: return power();
        }
        Nest guard(*this);
        const Token& start = take();
        auto* u = node<UnaryOp>(start);
        u->op = op;
        u->operand = factor();
        return sized(close(u), {u->operand});
    }
    Expr* power() {
        const Token& start = cur();
        Expr* base = await_primary();
        if (!is(T::DoubleStar)) return base;
        take();
        Nest guard(*this);
        return binary(start, base, BinOpKind::Pow, factor());
    }
    Expr* await_primary() {
        if (!is(T::Await)) return primary();
        Nest guard(*this);
        const Token& start = take();
        auto* a = node<Await>(start);
        a->value = primary();
        return sized(close(a), {a->value});
    }

    Expr* primary() {
        const Token& start = cur();
        Expr* e = atom();
        for (;;) {
            if (is(T::Dot)) {
                take();
                auto* a = node<Attribute>(start);
                a->value = e;
                a->attr = std::string(expect(T::Name).text);
                e = sized(close(a), {e});
            } else if (is(T::LParen)) {
                const Token& open = take();
                auto* c = node<Call>(start);
                c->func = e;
                Expr* bare_generator = call_arguments(c->args, c->keywords);
                expect(T::RParen);
                if (bare_generator) {
                    // `f(x for x in y)`: CPython's span for the generator includes the call's parentheses.
                    bare_generator->span.line = open.line;
                    bare_generator->span.col = open.col;
                    close(bare_generator);
                }
                int d = e->depth;
                for (Keyword* k : c->keywords) d = std::max(d, int(k->value->depth));
                e = sized(close(c), c->args, d);
            } else if (is(T::LBracket)) {
                take();
                auto* s = node<Subscript>(start);
                s->value = e;
                s->slice = slices();
                expect(T::RBracket);
                e = sized(close(s), {e, s->slice});
            } else {
                return e;
            }
        }
    }

    Expr* slices() {
        const Token& start = cur();
        Expr* first = slice();
        if (!is(T::Comma)) return first;
        auto* t = node<Tuple>(start);
        t->elts.push_back(first);
        while (accept(T::Comma)) {
            if (is(T::RBracket)) break;
            t->elts.push_back(slice());
        }
        return sized(close(t), t->elts);
    }

    Expr* slice() {
        const Token& start = cur();
        Expr* lower = nullptr;
        if (is(T::Star)) return star_expression();
        if (!is(T::Colon)) {
            lower = named_expression();
            if (!is(T::Colon)) return lower;
        }
        auto* s = node<Slice>(start);
        s->lower = lower;
        take();  // ':'
        if (!is(T::Colon) && !is(T::Comma) && !is(T::RBracket)) s->upper = expression();
        if (accept(T::Colon)) {
            if (!is(T::Comma) && !is(T::RBracket)) s->step = expression();
        }
        return sized(close(s), {s->lower, s->upper, s->step});
    }

    // Arguments of a call or class bases, up to (not including) ')'. Returns
    // the generator expression when it is the call's sole, unparenthesized argument.
    // CPython reports a positional argument after keywords at the closing ')'.
    Expr* call_arguments(std::vector<Expr*>& args, std::vector<Keyword*>& keywords, bool allow_generator = true) {
        bool seen_keyword = false, seen_kwunpack = false;
        Expr* bare_generator = nullptr;
        const char* misplaced = nullptr;
        while (!is(T::RParen)) {
            const Token& start = cur();
            if (is(T::DoubleStar)) {
                take();
                auto* k = arena_.make<Keyword>();
                k->value = expression();
                k->span = {start.line, start.col, prev().end_line, prev().end_col};
                keywords.push_back(k);
                seen_kwunpack = true;
            } else if (is(T::Star)) {
                Expr* s = star_expression();
                if (seen_kwunpack)
                    fail_at(s, "iterable argument unpacking follows keyword argument unpacking");
                args.push_back(s);
            } else if (is(T::Name) && peek().kind == T::Equal) {
                const Token& name = take();
                take();
                auto* k = arena_.make<Keyword>();
                k->arg = std::string(name.text);
                k->value = expression();
                k->span = {start.line, start.col, prev().end_line, prev().end_col};
                keywords.push_back(k);
                seen_keyword = true;
            } else {
                Expr* e = named_expression();
                if (is(T::Equal)) {
                    std::size_t save = i_;
                    take();
                    if (starts_expression(cur().kind)) {
                        Expr* v = expression();
                        fail_range(e->span, v->span, "expression cannot contain assignment, perhaps you meant \"==\"?");
                    }
                    i_ = save;
                }
                if ((is(T::For) || is(T::Async)) && !allow_generator) generic();
                if (is(T::For) || is(T::Async)) {
                    e = generator(e, start);
                    bare_generator = e;
                    if (!args.empty() || !keywords.empty() || is(T::Comma)) {
                        bool alone = args.empty() && keywords.empty() && peek().kind == T::RParen;
                        if (!alone) fail_at(e, "Generator expression must be parenthesized");
                    }
                }
                if (!misplaced && seen_kwunpack) misplaced = "positional argument follows keyword argument unpacking";
                if (!misplaced && seen_keyword) misplaced = "positional argument follows keyword argument";
                args.push_back(e);
            }
            if (!accept(T::Comma)) {
                if (!is(T::RParen)) missing_comma(args, keywords);
                break;
            }
        }
        if (misplaced && is(T::RParen)) fail_at(cur(), misplaced);
        return bare_generator;
    }

    // After an element inside brackets: CPython's "Perhaps you forgot a comma?"
    // when another expression follows directly, else "invalid syntax".
    [[noreturn]] void missing_comma(const Span& prev_span, bool prev_ok) {
        if (prev_ok && starts_expression(cur().kind)) {
            std::size_t save = i_;
            Expr* next = nullptr;
            try {
                next = expression();
            } catch (SyntaxError&) {
                next = nullptr;
            }
            if (next) fail_range(prev_span, next->span, "invalid syntax. Perhaps you forgot a comma?");
            i_ = save;
        }
        generic();
    }
    [[noreturn]] void missing_comma(const std::vector<Expr*>& args, const std::vector<Keyword*>& keywords) {
        if (!keywords.empty() || args.empty()) generic();
        missing_comma(args.back()->span, comma_candidate(args.back()));
    }
    // CPython skips the comma hint after `name "string"` and after non-disjunctions.
    bool comma_candidate(const Expr* e) const {
        if (e->kind == ExprKind::Lambda || e->kind == ExprKind::IfExp || e->kind == ExprKind::Starred)
            return false;
        if (e->kind == ExprKind::Name && cur().kind == T::String) return false;
        return true;
    }

    void no_unpacking(const Expr* elt) {
        if (elt->kind == ExprKind::Starred) fail_at(elt, "iterable unpacking cannot be used in comprehension");
    }

    Expr* generator(Expr* elt, const Token& start) {
        auto* g = node<GeneratorExp>(start);
        g->elt = elt;
        g->generators = for_if_clauses();
        return set_depth(close(g), std::max(int(elt->depth), comp_depth(g->generators)));
    }

    std::vector<Comprehension*> for_if_clauses() {
        std::vector<Comprehension*> out;
        while (is(T::For) || (is(T::Async) && peek().kind == T::For)) {
            auto* c = arena_.make<Comprehension>();
            c->is_async = accept(T::Async);
            take();  // for
            c->target = for_targets();
            if (!is(T::In)) generic();
            take();
            c->iter = disjunction();
            while (accept(T::If)) c->ifs.push_back(disjunction());
            out.push_back(c);
        }
        return out;
    }

    Expr* atom() {
        const Token& t = cur();
        switch (t.kind) {
            case T::Name: {
                take();
                auto* n = node<Name>(t);
                n->id = std::string(t.text);
                return close(n);
            }
            case T::Number: return number();
            case T::String: return strings();
            case T::None: case T::True: case T::False: case T::Ellipsis: {
                take();
                auto* c = node<Constant>(t);
                c->type = t.kind == T::None    ? Constant::Type::None
                          : t.kind == T::True  ? Constant::Type::True
                          : t.kind == T::False ? Constant::Type::False
                                               : Constant::Type::Ellipsis;
                return close(c);
            }
            case T::LParen: return paren();
            case T::LBracket: return list_display();
            case T::LBrace: return brace_display();
            default: generic();
        }
    }

    Expr* number() {
        const Token& t = take();
        auto* c = node<Constant>(t);
        std::string text;
        text.reserve(t.text.size());
        for (char ch : t.text)
            if (ch != '_') text += ch;
        bool is_float = false;
        if (text.size() > 1 && text[0] == '0' && (text[1] | 0x20) != '.' && (text[1] | 0x20) != 'e' &&
            !(text[1] >= '0' && text[1] <= '9')) {
            char p = static_cast<char>(text[1] | 0x20);
            c->base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            text.erase(0, 2);
        } else {
            is_float = text.find_first_of(".eE") != std::string::npos;
        }
        if (is_float) {
            c->type = Constant::Type::Float;
            c->number = std::strtod(text.c_str(), nullptr);
        } else {
            c->type = Constant::Type::Int;
            std::size_t nz = text.find_first_not_of('0');
            text = nz == std::string::npos ? "0" : text.substr(nz);
        }
        c->text = std::move(text);
        return close(c);
    }

    // Adjacent string literals, joined; any f-string among them makes a JoinedStr.
    Expr* strings() {
        const Token& start = cur();
        StringBuilder sb(src_, arena_);
        while (is(T::String)) {
            const Token& t = take();
            sb.add(t, [this](std::size_t off, std::size_t len) { return fstring_field_expr(off, len); });
        }
        Expr* e = sb.finish(start, prev());
        if (e->kind == ExprKind::JoinedStr) {
            int d = 0;
            for (Expr* v : e->as<JoinedStr>()->values) d = std::max(d, int(v->depth));
            set_depth(e, d);
        }
        return e;
    }

    // Parses the expression of an f-string field at source bytes [off, off+len).
    Expr* fstring_field_expr(std::size_t off, std::size_t len) {
        Nest guard(*this);
        TokenStream ts = tokenize_fragment(src_, off, len);
        if (ts.error) {
            SyntaxError e = *ts.error;
            if (!e.message.starts_with("f-string") && !e.message.starts_with(kNotSupported))
                e.message = "f-string: " + e.message;
            throw e;
        }
        Parser sub(src_, arena_, ts, recursion_, true);
        return sub.fragment_expression();
    }

    Expr* paren() {
        const Token& start = take();
        if (is(T::RParen)) {
            take();
            return close(node<Tuple>(start));
        }
        if (is(T::Yield)) {
            Expr* y = yield_expr();
            expect(T::RParen);
            return y;
        }
        Expr* first = star_named_expression();
        if (is(T::For) || is(T::Async)) {
            no_unpacking(first);
            auto* g = node<GeneratorExp>(start);
            g->elt = first;
            g->generators = for_if_clauses();
            expect(T::RParen);
            return set_depth(close(g), std::max(int(first->depth), comp_depth(g->generators)));
        }
        if (is(T::RParen)) {
            take();
            if (first->kind == ExprKind::Starred) fail_at(first, "cannot use starred expression here");
            return first;  // a parenthesized expression keeps its inner span, as in CPython
        }
        if (!is(T::Comma)) missing_comma(first->span, comma_candidate(first));
        auto* t = node<Tuple>(start);
        t->elts.push_back(first);
        while (accept(T::Comma)) {
            if (is(T::RParen)) break;
            t->elts.push_back(star_named_expression());
            if (!is(T::Comma) && !is(T::RParen)) missing_comma(t->elts.back()->span, comma_candidate(t->elts.back()));
        }
        expect(T::RParen);
        return sized(close(t), t->elts);
    }

    Expr* list_display() {
        const Token& start = take();
        if (is(T::RBracket)) {
            take();
            return close(node<List>(start));
        }
        return elements_or_comprehension<ListComp, List>(start, star_named_expression(), T::RBracket);
    }

    // After the first element of `[...]` or `{...}`: the rest of the display
    // (`[a, *b, c]`) or a comprehension (`[a for ...]`), through `close_tok`.
    template <class Comp, class Display>
    Expr* elements_or_comprehension(const Token& start, Expr* first, T close_tok) {
        if (is(T::For) || is(T::Async)) {
            no_unpacking(first);
            auto* c = node<Comp>(start);
            c->elt = first;
            c->generators = for_if_clauses();
            expect(close_tok);
            return set_depth(close(c), std::max(int(first->depth), comp_depth(c->generators)));
        }
        auto* d = node<Display>(start);
        d->elts.push_back(first);
        while (!is(close_tok)) {
            if (!accept(T::Comma)) missing_comma(d->elts.back()->span, comma_candidate(d->elts.back()));
            if (is(close_tok)) break;
            d->elts.push_back(star_named_expression());
        }
        take();
        return sized(close(d), d->elts);
    }

    Expr* brace_display() {
        const Token& start = take();
        if (is(T::RBrace)) {
            take();
            return close(node<Dict>(start));
        }
        if (is(T::DoubleStar) || !is(T::Star)) {
            // A dict, unless the first item has no ':'.
            Expr* key = nullptr;
            Expr* value = nullptr;
            if (is(T::DoubleStar)) {
                const Token& stars = take();
                value = bitwise_or();
                if (is(T::For) || is(T::Async))
                    fail(std::string("dict unpacking cannot be used in dict comprehension"), stars.line, stars.col,
                         value->span.end_line, value->span.end_col);
            } else {
                key = named_expression();
                if (!is(T::Colon)) return elements_or_comprehension<SetComp, Set>(start, key, T::RBrace);
                bool bare = prev().end_line == key->span.end_line && prev().end_col == key->span.end_col;
                if (key->kind == ExprKind::NamedExpr && bare) generic();  // `{x := 1: 2}`, not `{(x := 1): 2}`
                take();
                value = expression();
                if (is(T::For) || is(T::Async)) {
                    auto* c = node<DictComp>(start);
                    c->key = key;
                    c->value = value;
                    c->generators = for_if_clauses();
                    expect(T::RBrace);
                    return set_depth(close(c), std::max({int(key->depth), int(value->depth),
                                                         comp_depth(c->generators)}));
                }
            }
            auto* d = node<Dict>(start);
            d->keys.push_back(key);
            d->values.push_back(value);
            for (;;) {
                if (is(T::RBrace)) break;
                if (!accept(T::Comma)) missing_comma(d->values.back()->span, comma_candidate(d->values.back()));
                if (is(T::RBrace)) break;
                if (accept(T::DoubleStar)) {
                    d->keys.push_back(nullptr);
                    d->values.push_back(bitwise_or());
                } else {
                    Expr* k = expression();
                    if (!is(T::Colon)) {
                        if (is(T::Comma) || is(T::RBrace)) fail_at(k, "':' expected after dictionary key");
                        generic();
                    }
                    take();
                    d->keys.push_back(k);
                    d->values.push_back(expression());
                }
            }
            take();
            int depth = 0;
            for (Expr* k : d->keys)
                if (k) depth = std::max(depth, int(k->depth));
            return sized(close(d), d->values, depth);
        }
        return elements_or_comprehension<SetComp, Set>(start, star_expression(), T::RBrace);
    }

};

}  // namespace

ParseResult parse(const Source& source) {
    ParseResult result;
    result.arena = std::make_unique<Arena>();
    require_utf8(source);
    TokenStream ts = tokenize(source);
    int recursion = 0;
    Parser p(source, *result.arena, ts, recursion, false);
    try {
        result.module = p.module();
    } catch (const SyntaxError&) {
        if (p.replaced_by(ts)) throw *ts.error;
        throw;
    }
    return result;
}

ParseResult parse_and_analyze(const Source& source) {
    ParseResult result = parse(source);
    analyze_scopes(*result.module, *result.arena, source);
    return result;
}

}  // namespace corolab::lang

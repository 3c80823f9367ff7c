// Two passes, as CPython's symtable.c: collect what each scope does with
// each name, then resolve names top-down (locals, cells, free variables).
#include "lang/front/scope.hpp"

#include <algorithm>
#include <memory>
#include <unordered_set>

namespace corolab::lang {

const Symbol* Scope::lookup(std::string_view name) const {
    auto it = symbols.find(std::string(name));
    return it == symbols.end() ? nullptr : &it->second;
}

namespace {

constexpr const char* kStarJump = "'break', 'continue' and 'return' cannot appear in an except* block";

enum Flag : unsigned {
    kAssigned = 1,   // bound here: assignment, def, class, import, for/with/except target
    kParam = 2,
    kGlobal = 4,     // `global` declaration
    kNonlocal = 8,   // `nonlocal` declaration
    kUsed = 16,
    kAnnotated = 32,
    kCompIter = 64,  // a comprehension's iteration variable (`for x in ...`)
};

using NameSet = std::unordered_set<std::string>;

class Analyzer {
public:
    Analyzer(Arena& arena, const Source& src) : arena_(arena), src_(src) {}

    void run(Module& m) {
        Scope* s = open(Scope::Kind::Module, "<module>", {});
        m.scope = s;
        body(m.body);
        close();
        NameSet free;
        resolve(s, NameSet{}, NameSet{}, free);
    }

private:
    struct Info {
        unsigned flags = 0;
        int order = 0;  // first mention, for stable slot numbering
    };
    struct Frame {
        Scope* scope;
        std::unordered_map<std::string, Info> names;
        std::vector<std::string> params;
        int loops = 0;  // enclosing loops inside this scope, for break/continue
        int loops_at_star = -1;  // `loops` where the innermost except* body began; -1 outside one
        int comp_iter_expr = 0;  // > 0 while visiting a comprehension's iterable (no `:=` there)
        std::vector<Span> value_returns;            // `return x` statements here
        std::unordered_map<std::string, Span> declarations;  // first global/nonlocal statement per name
        NameSet passed_through;  // Class: free variables its methods need from outside
        std::string private_name;  // innermost enclosing class, for name mangling
    };

    Arena& arena_;
    const Source& src_;
    std::vector<Frame*> stack_;
    bool comp_target_ = false;  // visiting a comprehension's `for` target
    std::unordered_map<const Scope*, Frame*> frames_;
    std::vector<std::unique_ptr<Frame>> all_frames_;

    Frame& top() { return *stack_.back(); }

    [[noreturn]] void fail(const Span& at, const std::string& msg) {
        throw SyntaxError("SyntaxError", msg, src_, at.line, at.col, at.end_line, at.end_col);
    }

    Scope* open(Scope::Kind kind, std::string name, const Span& span) {
        auto* s = arena_.make<Scope>();
        s->kind = kind;
        s->name = std::move(name);
        s->span = span;
        if (!stack_.empty()) {
            s->parent = top().scope;
            top().scope->children.push_back(s);
        }
        auto f = std::make_unique<Frame>();
        f->scope = s;
        f->private_name = kind == Scope::Kind::Class ? s->name : stack_.empty() ? "" : top().private_name;
        frames_[s] = f.get();
        stack_.push_back(f.get());
        all_frames_.push_back(std::move(f));
        return s;
    }
    void close() { stack_.pop_back(); }

    // CPython's private name mangling: inside class C, `__x` means `_C__x`.
    std::string mangle(const std::string& name) {
        const std::string& cls = top().private_name;
        if (cls.empty() || name.size() < 3 || name.compare(0, 2, "__") != 0) return name;
        if (name.compare(name.size() - 2, 2, "__") == 0 || name.find('.') != std::string::npos) return name;
        std::size_t skip = cls.find_first_not_of('_');
        if (skip == std::string::npos) return name;
        std::string mangled = "_";
        mangled.append(cls, skip).append(name);
        return mangled;
    }
    void mangle_in_place(std::string& name) { name = mangle(name); }

    Info& note(const std::string& name, unsigned flag) { return note_in(top(), name, flag); }
    Info& note_in(Frame& frame, const std::string& name, unsigned flag) {
        auto& names = frame.names;
        auto it = names.find(name);
        if (it == names.end()) it = names.emplace(name, Info{0, static_cast<int>(names.size())}).first;
        it->second.flags |= flag;
        return it->second;
    }

    // The nearest enclosing function-like scope that is not a comprehension.
    Scope* function_scope() {
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
            Scope* s = (*it)->scope;
            if (s->kind != Scope::Kind::Comprehension) return s;
        }
        return nullptr;
    }

    // ------------------------------------------------------------ pass 1: collect

    void body(const Body& b) {
        for (Stmt* s : b) stmt(s);
    }

    void arguments(const Arguments& a, bool in_enclosing) {
        if (in_enclosing) {
            for (Expr* d : a.defaults) expr(d);
            for (Expr* d : a.kw_defaults)
                if (d) expr(d);
            auto ann = [&](const Arg* x) {
                if (x && x->annotation) expr(x->annotation);
            };
            for (Arg* x : a.posonlyargs) ann(x);
            for (Arg* x : a.args) ann(x);
            ann(a.vararg);
            for (Arg* x : a.kwonlyargs) ann(x);
            ann(a.kwarg);
            return;
        }
        auto param = [&](Arg* x) {
            if (!x) return;
            mangle_in_place(x->name);
            auto it = top().names.find(x->name);
            if (it != top().names.end() && (it->second.flags & kParam))
                fail(x->span, "duplicate argument '" + x->name + "' in function definition");
            note(x->name, kParam);
            top().params.push_back(x->name);
        };
        for (Arg* x : a.posonlyargs) param(x);
        for (Arg* x : a.args) param(x);
        param(a.vararg);
        for (Arg* x : a.kwonlyargs) param(x);
        param(a.kwarg);
    }

    void declare(Stmt* s, std::vector<std::string>& names, bool global) {
        const char* what = global ? "global" : "nonlocal";
        if (!global && top().scope->kind == Scope::Kind::Module)
            fail(s->span, "nonlocal declaration not allowed at module level");
        for (std::string& n : names) {
            mangle_in_place(n);
            auto it = top().names.find(n);
            if (it != top().names.end()) {
                unsigned f = it->second.flags;
                if (f & kParam) fail(s->span, "name '" + n + "' is parameter and " + what);
                // CPython points at the earlier declaration.
                if ((global && (f & kNonlocal)) || (!global && (f & kGlobal)))
                    fail(top().declarations.at(n), "name '" + n + "' is nonlocal and global");
                if (f & kAnnotated) fail(s->span, "annotated name '" + n + "' can't be " + what);
                if (f & kAssigned) fail(s->span, "name '" + n + "' is assigned to before " + what + " declaration");
                if (f & kUsed) fail(s->span, "name '" + n + "' is used prior to " + what + " declaration");
            }
            note(n, global ? kGlobal : kNonlocal);
            top().declarations.emplace(n, s->span);
            // As in CPython, the module's own table records the name as declared global too.
            if (global && stack_.size() > 1) note_in(*stack_.front(), n, kGlobal);
        }
    }

    void stmt(Stmt* s) {
        switch (s->kind) {
            case StmtKind::FunctionDef: {
                auto* f = s->as<FunctionDef>();
                for (Expr* d : f->decorators) expr(d);
                arguments(*f->args, true);
                if (f->returns) expr(f->returns);
                std::string written = f->name;  // __name__ stays unmangled
                mangle_in_place(f->name);
                note(f->name, kAssigned);
                f->scope = open(Scope::Kind::Function, written, f->span);
                f->scope->is_async = f->is_async;
                arguments(*f->args, false);
                body(f->body);
                close();
                return;
            }
            case StmtKind::ClassDef: {
                auto* c = s->as<ClassDef>();
                for (Expr* d : c->decorators) expr(d);
                for (Expr* b : c->bases) expr(b);
                for (Keyword* k : c->keywords) expr(k->value);
                std::string written = c->name;
                mangle_in_place(c->name);
                note(c->name, kAssigned);
                c->scope = open(Scope::Kind::Class, written, c->span);
                body(c->body);
                close();
                return;
            }
            case StmtKind::Return: {
                auto* r = s->as<Return>();
                Scope* fn = function_scope();
                if (!fn || !fn->is_function_like()) fail(s->span, "'return' outside function");
                if (top().loops_at_star >= 0) {
                    // CPython points at a constant value on the same line, else at the statement
                    bool at_value = r->value && r->value->kind == ExprKind::Constant && r->value->span.line == s->span.line;
                    fail(at_value ? r->value->span : s->span, kStarJump);
                }
                if (r->value) {
                    top().value_returns.push_back(s->span);
                    expr(r->value);
                }
                return;
            }
            case StmtKind::Delete:
                for (Expr* t : s->as<Delete>()->targets) expr(t);
                return;
            case StmtKind::Assign: {
                auto* a = s->as<Assign>();
                expr(a->value);
                for (Expr* t : a->targets) expr(t);
                return;
            }
            case StmtKind::AugAssign: {
                auto* a = s->as<AugAssign>();
                expr(a->value);
                expr(a->target);
                if (a->target->kind == ExprKind::Name) note(a->target->as<Name>()->id, kUsed);
                return;
            }
            case StmtKind::AnnAssign: {
                auto* a = s->as<AnnAssign>();
                if (a->value) expr(a->value);
                if (a->target->kind == ExprKind::Name) {
                    const std::string& n = a->target->as<Name>()->id;
                    auto it = top().names.find(n);
                    if (it != top().names.end() && (it->second.flags & (kGlobal | kNonlocal)) && a->simple)
                        fail(s->span, "annotated name '" + n + "' can't be " +
                                          ((it->second.flags & kGlobal) ? "global" : "nonlocal"));
                    note(n, a->simple ? unsigned(kAssigned | kAnnotated) : unsigned(kAssigned));
                } else {
                    expr(a->target);
                }
                expr(a->annotation);
                return;
            }
            case StmtKind::For: {
                auto* f = s->as<For>();
                if (f->is_async) need_async(s->span, "'async for' outside async function");
                expr(f->iter);
                expr(f->target);
                ++top().loops;
                body(f->body);
                --top().loops;
                body(f->orelse);
                return;
            }
            case StmtKind::While: {
                auto* w = s->as<While>();
                expr(w->test);
                ++top().loops;
                body(w->body);
                --top().loops;
                body(w->orelse);
                return;
            }
            case StmtKind::If: {
                // an elif chain (nested orelse) in a loop: chains are thousands long
                auto* i = s->as<If>();
                for (;;) {
                    expr(i->test);
                    body(i->body);
                    if (i->orelse.size() != 1 || i->orelse[0]->kind != StmtKind::If) break;
                    i = i->orelse[0]->as<If>();
                }
                body(i->orelse);
                return;
            }
            case StmtKind::With: {
                auto* w = s->as<With>();
                if (w->is_async) need_async(s->span, "'async with' outside async function");
                for (WithItem* item : w->items) {
                    expr(item->context_expr);
                    if (item->optional_vars) expr(item->optional_vars);
                }
                body(w->body);
                return;
            }
            case StmtKind::Raise: {
                auto* r = s->as<Raise>();
                if (r->exc) expr(r->exc);
                if (r->cause) expr(r->cause);
                return;
            }
            case StmtKind::Try: {
                // CPython's symtable order (else before handlers), so scopes are numbered alike.
                auto* t = s->as<Try>();
                body(t->body);
                body(t->orelse);
                for (ExceptHandler* h : t->handlers) {
                    if (h->type) expr(h->type);
                    if (!h->name.empty()) {
                        mangle_in_place(h->name);
                        note(h->name, kAssigned);
                    }
                    int saved = top().loops_at_star;
                    if (t->is_star) top().loops_at_star = top().loops;
                    body(h->body);
                    top().loops_at_star = saved;
                }
                body(t->finalbody);
                return;
            }
            case StmtKind::Assert: {
                auto* a = s->as<Assert>();
                expr(a->test);
                if (a->msg) expr(a->msg);
                return;
            }
            case StmtKind::Import:
                for (Alias* a : s->as<Import>()->names) {
                    // `import a.b` binds `a`.
                    if (!a->asname.empty()) mangle_in_place(a->asname);
                    else if (mangle(a->name) != a->name) a->asname = mangle(a->name);
                    note(a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname, kAssigned);
                }
                return;
            case StmtKind::ImportFrom:
                for (Alias* a : s->as<ImportFrom>()->names) {
                    if (a->name == "*") {
                        if (top().scope->kind != Scope::Kind::Module)
                            fail(a->span, "import * only allowed at module level");
                        continue;
                    }
                    // The imported attribute keeps its name; the binding is mangled.
                    if (a->asname.empty() && mangle(a->name) != a->name) a->asname = mangle(a->name);
                    else if (!a->asname.empty()) mangle_in_place(a->asname);
                    note(a->asname.empty() ? a->name : a->asname, kAssigned);
                }
                return;
            case StmtKind::Global: declare(s, s->as<Global>()->names, true); return;
            case StmtKind::Nonlocal: declare(s, s->as<Nonlocal>()->names, false); return;
            case StmtKind::ExprStmt: expr(s->as<ExprStmt>()->value); return;
            case StmtKind::Pass: return;
            case StmtKind::Break:
                if (top().loops == 0) fail(s->span, "'break' outside loop");
                if (top().loops == top().loops_at_star) fail(s->span, kStarJump);
                return;
            case StmtKind::Continue:
                if (top().loops == 0) fail(s->span, "'continue' not properly in loop");
                if (top().loops == top().loops_at_star) fail(s->span, kStarJump);
                return;
        }
    }

    void need_async(const Span& at, const char* msg) {
        Scope* fn = function_scope();
        if (!fn || fn->kind != Scope::Kind::Function || !fn->is_async) fail(at, msg);
        top().scope->has_await = true;
    }

    static const char* comp_name(ExprKind k) {
        switch (k) {
            case ExprKind::ListComp: return "list comprehension";
            case ExprKind::SetComp: return "set comprehension";
            case ExprKind::DictComp: return "dict comprehension";
            default: return "generator expression";
        }
    }

    void comprehension(Expr* node, const char* name, Expr* elt, Expr* value,
                       const std::vector<Comprehension*>& gens, Scope*& slot) {
        iterable(gens[0]->iter);  // evaluated in the enclosing scope
        Scope* s = open(Scope::Kind::Comprehension, name, node->span);
        slot = s;
        note(".0", kParam);
        top().params.push_back(".0");
        bool is_async = false;
        for (std::size_t i = 0; i < gens.size(); ++i) {
            if (i > 0) iterable(gens[i]->iter);
            comp_target_ = true;
            expr(gens[i]->target);
            comp_target_ = false;
            for (Expr* c : gens[i]->ifs) expr(c);
            is_async |= gens[i]->is_async;
        }
        if (value) expr(value);
        expr(elt);
        close();
        if (is_async || s->has_await) {
            s->is_async = true;
            s->has_await = true;
            if (node->kind != ExprKind::GeneratorExp) {
                // Runs immediately: needs an enclosing async function (which then awaits).
                Scope* fn = function_scope();
                bool ok = fn && fn->kind == Scope::Kind::Function && fn->is_async;
                if (!ok) fail(node->span, "asynchronous comprehension outside of an asynchronous function");
                top().scope->has_await = true;
            }
        }
    }

    void iterable(Expr* e) {
        ++top().comp_iter_expr;
        expr(e);
        --top().comp_iter_expr;
    }

    // `target := value`, CPython's symtable_extend_namedexpr_scope: inside a
    // comprehension the name binds in the nearest enclosing function (a free
    // variable of the comprehension) or the module (a global).
    void named_expr(NamedExpr* n) {
        if (top().comp_iter_expr > 0)
            fail(n->span, "assignment expression cannot be used in a comprehension iterable expression");
        expr(n->value);
        auto* target = n->target->as<Name>();
        mangle_in_place(target->id);
        const std::string& id = target->id;
        if (top().scope->kind != Scope::Kind::Comprehension) {
            note(id, kAssigned);
            return;
        }
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
            Frame& f = **it;
            if (f.scope->kind == Scope::Kind::Comprehension) {
                auto found = f.names.find(id);
                if (found != f.names.end() && (found->second.flags & kCompIter))
                    fail(target->span, "assignment expression cannot rebind comprehension iteration variable '" + id + "'");
                continue;
            }
            if (f.scope->kind == Scope::Kind::Class)
                fail(target->span, "assignment expression within a comprehension cannot be used in a class body");
            if (f.scope->kind == Scope::Kind::Module) {
                note(id, kGlobal);
                note_in(f, id, kGlobal);
                return;
            }
            auto found = f.names.find(id);
            if (found != f.names.end() && (found->second.flags & kGlobal)) {
                note(id, kGlobal);
                return;
            }
            note(id, kNonlocal);
            note_in(f, id, kAssigned);
            return;
        }
    }

    void expr(Expr* e) {
        switch (e->kind) {
            case ExprKind::Name: {
                auto* n = e->as<Name>();
                mangle_in_place(n->id);
                if (comp_target_ && n->ctx == Ctx::Store) {
                    auto it = top().names.find(n->id);
                    if (it != top().names.end() && (it->second.flags & (kGlobal | kNonlocal)))
                        fail(n->span, "comprehension inner loop cannot rebind assignment expression target '" + n->id + "'");
                    note(n->id, kCompIter);
                }
                note(n->id, n->ctx == Ctx::Load ? kUsed : kAssigned);
                // super() needs the class cell, as in CPython.
                if (n->ctx == Ctx::Load && n->id == "super" && top().scope->is_function_like())
                    note("__class__", kUsed);
                return;
            }
            case ExprKind::Constant: return;
            case ExprKind::JoinedStr:
                for (Expr* v : e->as<JoinedStr>()->values) expr(v);
                return;
            case ExprKind::FormattedValue: {
                auto* f = e->as<FormattedValue>();
                expr(f->value);
                if (f->format_spec) expr(f->format_spec);
                return;
            }
            case ExprKind::BoolOp:
                for (Expr* v : e->as<BoolOp>()->values) expr(v);
                return;
            case ExprKind::BinOp:
                expr(e->as<BinOp>()->left);
                expr(e->as<BinOp>()->right);
                return;
            case ExprKind::UnaryOp: expr(e->as<UnaryOp>()->operand); return;
            case ExprKind::Compare:
                expr(e->as<Compare>()->left);
                for (Expr* c : e->as<Compare>()->comparators) expr(c);
                return;
            case ExprKind::IfExp:
                expr(e->as<IfExp>()->test);
                expr(e->as<IfExp>()->body);
                expr(e->as<IfExp>()->orelse);
                return;
            case ExprKind::Lambda: {
                auto* l = e->as<Lambda>();
                arguments(*l->args, true);
                l->scope = open(Scope::Kind::Lambda, "<lambda>", l->span);
                arguments(*l->args, false);
                expr(l->body);
                close();
                return;
            }
            case ExprKind::Dict:
                for (Expr* k : e->as<Dict>()->keys)
                    if (k) expr(k);
                for (Expr* v : e->as<Dict>()->values) expr(v);
                return;
            case ExprKind::Set:
                for (Expr* x : e->as<Set>()->elts) expr(x);
                return;
            case ExprKind::List:
                for (Expr* x : e->as<List>()->elts) expr(x);
                return;
            case ExprKind::Tuple:
                for (Expr* x : e->as<Tuple>()->elts) expr(x);
                return;
            case ExprKind::ListComp: {
                auto* c = e->as<ListComp>();
                comprehension(e, "<listcomp>", c->elt, nullptr, c->generators, c->scope);
                return;
            }
            case ExprKind::SetComp: {
                auto* c = e->as<SetComp>();
                comprehension(e, "<setcomp>", c->elt, nullptr, c->generators, c->scope);
                return;
            }
            case ExprKind::GeneratorExp: {
                auto* c = e->as<GeneratorExp>();
                comprehension(e, "<genexpr>", c->elt, nullptr, c->generators, c->scope);
                if (c->scope) c->scope->is_generator = true;
                return;
            }
            case ExprKind::DictComp: {
                auto* c = e->as<DictComp>();
                comprehension(e, "<dictcomp>", c->key, c->value, c->generators, c->scope);
                return;
            }
            case ExprKind::Await: {
                Scope* s = top().scope;
                if (s->kind == Scope::Kind::Module || s->kind == Scope::Kind::Class) {
                    fail(e->span, "'await' outside function");
                } else if (s->kind != Scope::Kind::Comprehension && !s->is_async) {
                    fail(e->span, "'await' outside async function");
                }
                s->has_await = true;
                expr(e->as<Await>()->value);
                return;
            }
            case ExprKind::Yield:
            case ExprKind::YieldFrom: {
                Scope* s = top().scope;
                if (s->kind == Scope::Kind::Comprehension)
                    fail(e->span, std::string("'yield' inside ") + comp_name(comp_kind_of(e)));
                if (!s->is_function_like()) fail(e->span, "'yield' outside function");
                if (e->kind == ExprKind::YieldFrom && s->is_async) fail(e->span, "'yield from' inside async function");
                s->is_generator = true;
                Expr* v = e->kind == ExprKind::Yield ? e->as<Yield>()->value : e->as<YieldFrom>()->value;
                if (v) expr(v);
                return;
            }
            case ExprKind::NamedExpr: named_expr(e->as<NamedExpr>()); return;
            case ExprKind::Call: {
                auto* c = e->as<Call>();
                expr(c->func);
                for (Expr* a : c->args) expr(a);
                for (std::size_t i = 0; i < c->keywords.size(); ++i) {
                    Keyword* k = c->keywords[i];
                    for (std::size_t j = 0; j < i && !k->arg.empty(); ++j)
                        if (c->keywords[j]->arg == k->arg) fail(k->span, "keyword argument repeated: " + k->arg);
                    expr(k->value);
                }
                return;
            }
            case ExprKind::Attribute:
                mangle_in_place(e->as<Attribute>()->attr);
                expr(e->as<Attribute>()->value);
                return;
            case ExprKind::Subscript:
                expr(e->as<Subscript>()->value);
                expr(e->as<Subscript>()->slice);
                return;
            case ExprKind::Starred: expr(e->as<Starred>()->value); return;
            case ExprKind::Slice: {
                auto* s = e->as<Slice>();
                if (s->lower) expr(s->lower);
                if (s->upper) expr(s->upper);
                if (s->step) expr(s->step);
                return;
            }
        }
    }

    // The kind of comprehension whose scope is being collected (for messages).
    ExprKind comp_kind_of(const Expr*) {
        // The comprehension node is not on the stack; its scope name tells the kind.
        const std::string& n = top().scope->name;
        if (n == "<listcomp>") return ExprKind::ListComp;
        if (n == "<setcomp>") return ExprKind::SetComp;
        if (n == "<dictcomp>") return ExprKind::DictComp;
        return ExprKind::GeneratorExp;
    }


    // ------------------------------------------------------------ pass 2: resolve

    // `bound`: names local to enclosing function scopes (visible as free
    // variables); `globals`: names declared global in an enclosing scope.
    // Adds this scope's free variables to `free_out`.
    void resolve(Scope* s, const NameSet& bound, const NameSet& globals, NameSet& free_out) {
        if (s == nullptr) return;
        Frame& f = *frames_.at(s);
        NameSet local, new_globals = globals;
        for (auto& [name, info] : f.names) {
            Symbol sym;
            sym.name = name;
            sym.is_param = info.flags & kParam;
            sym.is_bound = info.flags & (kAssigned | kParam);
            sym.is_used = info.flags & kUsed;
            if (info.flags & kGlobal) {
                sym.kind = SymbolKind::GlobalExplicit;
                new_globals.insert(name);
            } else if (info.flags & kNonlocal) {
                if (!bound.count(name)) fail(f.declarations.at(name), "no binding for nonlocal '" + name + "' found");
                sym.kind = SymbolKind::Free;
            } else if (info.flags & (kAssigned | kParam)) {
                sym.kind = SymbolKind::Local;
                if (s->is_function_like()) local.insert(name);  // only functions pass names down
                new_globals.erase(name);
            } else if (bound.count(name)) {
                sym.kind = SymbolKind::Free;
            } else {
                sym.kind = SymbolKind::GlobalImplicit;
            }
            s->symbols.emplace(name, std::move(sym));
        }
        // Async generators cannot return a value (checked once is_generator is known).
        if (s->is_async && s->is_generator && !f.value_returns.empty())
            fail(f.value_returns.front(), "'return' with value in async generator");

        NameSet new_bound;
        if (s->is_function_like()) {
            new_bound = bound;
            for (const std::string& n : local) new_bound.insert(n);
            for (auto& [name, sym] : s->symbols)
                if (sym.kind == SymbolKind::GlobalExplicit) new_bound.erase(name);
        } else if (s->kind == Scope::Kind::Class) {
            new_bound = bound;
            new_bound.insert("__class__");  // the implicit cell super() reads
            for (auto& [name, sym] : s->symbols)
                if (sym.kind == SymbolKind::GlobalExplicit) new_bound.erase(name);
        }
        NameSet child_free;
        for (Scope* c : s->children) resolve(c, new_bound, new_globals, child_free);

        if (s->kind == Scope::Kind::Class && child_free.erase("__class__")) s->needs_class_cell = true;
        for (const std::string& name : child_free) {
            auto it = s->symbols.find(name);
            if (it != s->symbols.end() && s->is_function_like() && it->second.kind == SymbolKind::Local) {
                it->second.kind = SymbolKind::Cell;
                continue;
            }
            if (it != s->symbols.end() && it->second.kind == SymbolKind::Cell) continue;
            if (it == s->symbols.end()) {
                Symbol sym;
                sym.name = name;
                sym.kind = SymbolKind::Free;
                it = s->symbols.emplace(name, std::move(sym)).first;
            } else if (it->second.kind != SymbolKind::Local) {
                it->second.kind = SymbolKind::Free;
            }
            // A class passes free variables through to its methods without
            // changing how its own body sees a class-level name.
            if (s->kind == Scope::Kind::Class) f.passed_through.insert(name);
        }
        number(s, f);
        for (auto& [name, sym] : s->symbols)
            if (sym.kind == SymbolKind::Free) free_out.insert(name);
        for (const std::string& name : f.passed_through) free_out.insert(name);
    }

    // Slots: parameters first, then other locals by first mention; cells then free variables.
    void number(Scope* s, Frame& f) {
        struct Named {
            int ord;  // first mention; names never mentioned here last, by name
            const std::string* name;
            Symbol* sym;
        };
        std::vector<Named> order;
        order.reserve(s->symbols.size());
        for (auto& [name, sym] : s->symbols) {
            auto it = f.names.find(name);
            order.push_back({it != f.names.end() ? it->second.order : 1 << 30, &name, &sym});
        }
        std::sort(order.begin(), order.end(), [](const Named& a, const Named& b) {
            return a.ord != b.ord ? a.ord < b.ord : *a.name < *b.name;
        });
        if (s->is_function_like()) {
            for (const std::string& p : f.params) {
                Symbol& sym = s->symbols.at(p);
                if (sym.slot < 0) {
                    sym.slot = static_cast<int>(s->locals.size());
                    s->locals.push_back(p);
                }
            }
            s->param_count = static_cast<int>(s->locals.size());
            for (auto& [ord, name, sym] : order) {
                if ((sym->kind == SymbolKind::Local || sym->kind == SymbolKind::Cell) && sym->slot < 0) {
                    sym->slot = static_cast<int>(s->locals.size());
                    s->locals.push_back(*name);
                }
            }
        }
        if (s->needs_class_cell) s->cellvars.push_back("__class__");
        for (auto& [ord, name, sym] : order) {
            if (sym->kind == SymbolKind::Cell) {
                sym->cell = static_cast<int>(s->cellvars.size());
                s->cellvars.push_back(*name);
            }
        }
        for (auto& [ord, name, sym] : order) {
            if (sym->kind == SymbolKind::Free || f.passed_through.count(*name)) {
                sym->cell = static_cast<int>(s->cellvars.size() + s->freevars.size());
                s->freevars.push_back(*name);
            }
        }
    }

};

}  // namespace

void analyze_scopes(Module& module, Arena& arena, const Source& source) {
    Analyzer(arena, source).run(module);
}

}  // namespace corolab::lang

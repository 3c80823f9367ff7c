// Compiles the AST to stack bytecode (see code.hpp). Control flow through
// try/finally/with for break, continue and return is compiled inline: the
// compiler keeps a static stack of the enclosing blocks ("fblocks") and emits
// their exit code on each such jump.
#include "lang/compiler/compiler.hpp"

#include <unordered_map>

#include "lang/objects/bytes.hpp"
#include "lang/num/bigint.hpp"
#include "lang/objects/ops.hpp"
#include "lang/front/scope.hpp"

namespace corolab::lang {

namespace {

enum class FKind { Loop, Try, Finally, Handler, HandlerName, StarHandler, With, AsyncWith };

struct FBlock {
    FKind kind;
    std::vector<int> breaks;  // Loop: jumps to patch to the exit
    int continue_target = 0;
    bool for_loop = false;
    const Body* finalbody = nullptr;
    std::string name;  // HandlerName: the `except ... as name` variable
};

struct ConstKey {
    Tag tag;
    std::int64_t bits;  // the inline value, or the object's address
    bool operator==(const ConstKey& o) const { return tag == o.tag && bits == o.bits; }
};
struct ConstKeyHash {
    std::size_t operator()(const ConstKey& k) const {
        return std::hash<std::int64_t>()(k.bits) * 31 + static_cast<std::size_t>(k.tag);
    }
};

struct Unit {
    Unit(Code* c, const Scope* s) : code(c), scope(s) {}
    std::unordered_map<ConstKey, int, ConstKeyHash> const_idx;  // consts' slots (add_const)
    Code* code;
    const Scope* scope;
    std::vector<FBlock> fblocks;
    int depth = 0;
    int line = 0;
    int retval_slot = -1;
    std::unordered_map<const StrObj*, int> name_idx;  // by interned name: one string hash per use
};

int stack_effect(Op op, int arg) {
    switch (op) {
        case Op::Nop: case Op::RotTwo: case Op::RotThree: case Op::Jump: case Op::LoadAttr:
        case Op::UnaryOp: case Op::GetIter: case Op::FormatValue: case Op::ListToTuple:
        case Op::GetAwaitable: case Op::Await: case Op::GetAIter: case Op::SetupExcept:
        case Op::PopBlock: case Op::DeleteFast: case Op::DeleteGlobal: case Op::DeleteName:
        case Op::Reraise: case Op::SetupAnnotations: case Op::CheckExcMatch:
        case Op::WithExitNormal:  // __exit__ replaced by its result
        case Op::ExcStarMatch:  // fallthrough path: the type is replaced by the match
            return op == Op::FormatValue ? -((arg >> 8) & 1) : op == Op::CheckExcMatch ? 0 : 0;
        case Op::PopTop: case Op::StoreFast: case Op::StoreDeref: case Op::StoreGlobal: case Op::StoreName:
        case Op::PopJumpIfFalse: case Op::PopJumpIfTrue: case Op::BinaryOp: case Op::InplaceOp:
        case Op::CompareOp: case Op::LoadSubscr:
        case Op::ListAppend: case Op::SetAdd: case Op::ListExtend: case Op::SetUpdate: case Op::DictUpdate:
        case Op::ReturnValue: case Op::DeleteAttr: case Op::PrintExpr:
            return -1;
        case Op::DupTop: case Op::LoadConst: case Op::LoadFast: case Op::LoadFastChecked: case Op::LoadDeref:
        case Op::LoadClosure: case Op::LoadGlobal: case Op::LoadName: case Op::LoadBuildClass:
        case Op::LoadAssertionError: case Op::ImportFrom: case Op::GetANext: case Op::WithExcept:
            return 1;
        case Op::DupTop2: return 2;
        case Op::StoreAttr: return -2;
        case Op::StoreSubscr: return -3;
        case Op::DeleteSubscr: return -2;
        case Op::MapAdd: return -2;
        case Op::LoadMethod: return 1;
        case Op::JumpIfFalseOrPop: case Op::JumpIfTrueOrPop: return -1;  // fallthrough path
        case Op::ForIter: return 1;
        case Op::BuildTuple: case Op::BuildList: case Op::BuildSet: case Op::BuildString: return 1 - arg;
        case Op::BuildMap: return 1 - 2 * arg;
        case Op::BuildSlice: return 1 - arg;
        case Op::UnpackSequence: return arg - 1;
        case Op::UnpackEx: return (arg & 0xff) + (arg >> 8);
        case Op::CallFunction: return -arg;
        case Op::CallKw: return -arg - 1;
        case Op::CallEx: return -2;
        case Op::CallMethod: return -arg - 1;
        case Op::MakeFunction: {
            int f = arg >> 16;
            return 1 - ((f & kFnDefaults) ? 1 : 0) - ((f & kFnKwDefaults) ? 1 : 0) - ((f & kFnClosure) ? 1 : 0) -
                   ((f & kFnAnnotations) ? 1 : 0);
        }
        case Op::YieldValue: return 0;
        case Op::YieldFromSend: return 0;  // fallthrough path: the sent value becomes the yielded one
        case Op::EndAsyncFor: return -3;
        case Op::PopExcept: case Op::ExcStarCollect: return -2;
        case Op::ExcStarBegin: return 2;
        case Op::ExcStarEnd: return -4;  // fallthrough path: nothing was left to raise
        case Op::Raise: return -arg;
        case Op::BeforeWith: case Op::BeforeAsyncWith: return 1;
        case Op::ImportName: return 1;
        case Op::LoadFastLoadFast: case Op::LoadFastLoadConst: case Op::LoadFastConstBinary:
        case Op::LoadFastConstCompare: case Op::CompareJump: case Op::ForIterStoreFast:
            break;  // made after compiling (fuse_superinstructions)
    }
    return 0;
}

class Compiler {
public:
    Compiler(const Source& src, Program& prog) : src_(src), prog_(prog) {}

    Code* compile_module(const Module& m) {
        Code* c = new_code("<module>", "<module>", m.scope);
        c->is_module = true;
        Unit u{c, m.scope};
        units_.push_back(&u);
        for (Stmt* s : m.body)
            if (s->kind == StmtKind::ImportFrom && s->as<ImportFrom>()->module == "__future__")
                for (Alias* a : s->as<ImportFrom>()->names) future_annotations_ |= a->name == "annotations";
        for (Stmt* s : m.body) stmt(s);
        emit(Op::LoadConst, const_none());
        emit(Op::ReturnValue, 0);
        finish(u);
        units_.pop_back();
        return c;
    }

private:
    const Source& src_;
    bool future_annotations_ = false;  // `from __future__ import annotations`: function annotations stay text
    std::string source_text(const Span& sp) const {
        std::string_view line = src_.line_text(sp.line);
        // columns count from 1; end_col is one past the end
        std::size_t a = std::min<std::size_t>(sp.col > 0 ? sp.col - 1 : 0, line.size());
        std::size_t b = sp.end_line == sp.line && sp.end_col > 0 ? std::min<std::size_t>(sp.end_col - 1, line.size()) : line.size();
        return std::string(line.substr(a, b > a ? b - a : 0));
    }
    Program& prog_;
    std::vector<Unit*> units_;

    Unit& u() { return *units_.back(); }
    Code* code() { return u().code; }

    // CPython's CO_MAXBLOCKS: at most 20 blocks (loops, try, handlers, with
    // items) nest statically in one function.
    void push_fblock(FBlock fb) {
        if (u().fblocks.size() >= 20)
            throw SyntaxError("SyntaxError", "too many statically nested blocks", src_, u().line, 1);
        u().fblocks.push_back(std::move(fb));
    }

    [[noreturn]] void error(const Span& sp, const std::string& msg) {
        throw SyntaxError("SyntaxError", std::string(kNotSupported) + msg, src_, sp.line, sp.col);
    }

    Code* new_code(const std::string& name, const std::string& qualname, const Scope* scope) {
        prog_.codes.push_back(std::make_unique<Code>());
        Code* c = prog_.codes.back().get();
        c->name = name;
        c->qualname = qualname;
        if (scope && scope->is_function_like()) {
            c->nlocals = static_cast<int>(scope->locals.size());
            for (auto& n : scope->locals) c->local_names.push_back(Value(rt().intern(n)));
            c->ncells = static_cast<int>(scope->cellvars.size());
            c->nfree = static_cast<int>(scope->freevars.size());
            for (auto& cv : scope->cellvars) {
                const Symbol* s = scope->lookup(cv);
                c->cell_from_slot.push_back(s && s->is_param ? s->slot : -1);
            }
        } else if (scope) {
            c->ncells = static_cast<int>(scope->cellvars.size());
            c->nfree = static_cast<int>(scope->freevars.size());
            for (std::size_t i = 0; i < scope->cellvars.size(); ++i) c->cell_from_slot.push_back(-1);
        }
        return c;
    }

    void finish(Unit& un) {
        un.code->stacksize += 8;
        fuse_superinstructions(*un.code);
        // the VM's per-name caches, one entry per name (the names are final now)
        un.code->name_hints.assign(un.code->names.size(), {});
        un.code->attr_hints.assign(un.code->names.size(), {});
    }

    int emit(Op op, int arg = 0) {
        Code* c = code();
        c->code.push_back({op, arg});
        c->lines.push_back(u().line);
        u().depth += stack_effect(op, arg);
        if (u().depth > c->stacksize) c->stacksize = u().depth;
        return static_cast<int>(c->code.size()) - 1;
    }
    int here() { return static_cast<int>(code()->code.size()); }
    void patch(int at, int target) { code()->code[at].arg = target; }
    void patch_here(int at) { patch(at, here()); }

    // Equal inline values (floats excepted) and identical objects share a
    // slot, found through a hash index: a 300,000-entry dict literal
    // compiles in linear time.
    int add_const(Value v) {
        auto& cs = code()->consts;
        bool shared = v.tag != Tag::Float;
        if (shared) {
            auto it = u().const_idx.find({v.tag, v.i});
            if (it != u().const_idx.end()) return it->second;
        }
        int i = static_cast<int>(cs.size());
        if (shared) u().const_idx.emplace(ConstKey{v.tag, v.i}, i);
        cs.push_back(std::move(v));
        return i;
    }
    int const_none() { return add_const(Value::none()); }
    int name_index(const std::string& n) {
        StrObj* s = rt().intern(n);
        auto [it, fresh] = u().name_idx.try_emplace(s, static_cast<int>(code()->names.size()));
        if (fresh) code()->names.push_back(Value(s));
        return it->second;
    }
    int hidden_slot() {
        if (u().retval_slot < 0) {
            u().retval_slot = code()->nlocals++;
            code()->local_names.push_back(Value(rt().intern(".ret")));
        }
        return u().retval_slot;
    }
    int temp_slot() {
        int s = code()->nlocals++;
        code()->local_names.push_back(Value(rt().intern(".tmp")));
        return s;
    }

    // ---- names --------------------------------------------------------------
    enum class Access { Load, Store, Del };
    void name_op(const std::string& name, Access a) {
        const Scope* sc = u().scope;
        const Symbol* sym = sc ? sc->lookup(name) : nullptr;
        SymbolKind k = sym ? sym->kind : SymbolKind::GlobalImplicit;
        bool fn = sc && sc->is_function_like();
        switch (k) {
            case SymbolKind::Local:
                if (fn) {
                    emit(a == Access::Load ? Op::LoadFastChecked : a == Access::Store ? Op::StoreFast : Op::DeleteFast, sym->slot);
                    return;
                }
                emit(a == Access::Load ? Op::LoadName : a == Access::Store ? Op::StoreName : Op::DeleteName, name_index(name));
                return;
            case SymbolKind::Cell: case SymbolKind::Free: {
                int idx = sym->cell;
                if (k == SymbolKind::Free && sym->cell < 0) idx = 0;
                if (a == Access::Del) error(u().line ? Span{u().line, 1} : Span{}, "del of a closure variable");
                emit(a == Access::Load ? Op::LoadDeref : Op::StoreDeref, idx);
                return;
            }
            case SymbolKind::GlobalExplicit:
                emit(a == Access::Load ? Op::LoadGlobal : a == Access::Store ? Op::StoreGlobal : Op::DeleteGlobal, name_index(name));
                return;
            case SymbolKind::GlobalImplicit:
                if (fn) emit(a == Access::Load ? Op::LoadGlobal : a == Access::Store ? Op::StoreGlobal : Op::DeleteGlobal, name_index(name));
                else emit(a == Access::Load ? Op::LoadName : a == Access::Store ? Op::StoreName : Op::DeleteName, name_index(name));
                return;
        }
    }

    // ---- statements ------------------------------------------------------------
    void body(const Body& b) { for (Stmt* s : b) stmt(s); }

    static Value docstring(const Stmt* s) {
        if (s->kind != StmtKind::ExprStmt) return Value();
        const Expr* e = s->as<ExprStmt>()->value;
        if (e->kind != ExprKind::Constant || e->as<Constant>()->type != Constant::Type::Str) return Value();
        return str_value(e->as<Constant>()->text);
    }

    void stmt(Stmt* s) {
        u().line = s->span.line;
        switch (s->kind) {
            case StmtKind::ExprStmt: {
                Expr* e = s->as<ExprStmt>()->value;
                if (e->kind == ExprKind::Constant) return;
                expr(e);
                emit(Op::PopTop);
                return;
            }
            case StmtKind::Assign: {
                auto* a = s->as<Assign>();
                expr(a->value);
                for (std::size_t i = 0; i < a->targets.size(); ++i) {
                    if (i + 1 < a->targets.size()) emit(Op::DupTop);
                    store(a->targets[i]);
                }
                return;
            }
            case StmtKind::AugAssign: aug_assign(s->as<AugAssign>()); return;
            case StmtKind::AnnAssign: {
                auto* a = s->as<AnnAssign>();
                if (a->value) { expr(a->value); store(a->target); }
                if (code()->is_class && a->simple && a->target->kind == ExprKind::Name) {
                    // __annotations__[name] = the annotation's text, as under
                    // `from __future__ import annotations` (dataclasses read it)
                    emit(Op::SetupAnnotations);
                    emit(Op::LoadConst, add_const(str_value(source_text(a->annotation->span))));
                    emit(Op::LoadName, name_index("__annotations__"));
                    emit(Op::LoadConst, add_const(str_value(a->target->as<Name>()->id)));
                    emit(Op::StoreSubscr);
                }
                return;
            }
            case StmtKind::Pass: return;
            case StmtKind::If: {
                // an elif chain (nested orelse) in a loop: chains are thousands long
                auto* i = s->as<If>();
                std::vector<int> ends;
                for (;;) {
                    int jf = cond_jump(i->test, false);
                    body(i->body);
                    if (i->orelse.empty()) { patch_here(jf); break; }
                    ends.push_back(emit(Op::Jump));
                    patch_here(jf);
                    if (i->orelse.size() == 1 && i->orelse[0]->kind == StmtKind::If) {
                        i = i->orelse[0]->as<If>();
                        u().line = i->span.line;
                        continue;
                    }
                    body(i->orelse);
                    break;
                }
                for (int j : ends) patch_here(j);
                return;
            }
            case StmtKind::While: {
                auto* w = s->as<While>();
                int top = here();
                int jf = cond_jump(w->test, false);
                push_fblock({FKind::Loop, {}, top, false, nullptr});
                body(w->body);
                emit(Op::Jump, top);
                FBlock fb = u().fblocks.back();
                u().fblocks.pop_back();
                patch_here(jf);
                body(w->orelse);
                for (int b : fb.breaks) patch_here(b);
                return;
            }
            case StmtKind::For: for_stmt(s->as<For>()); return;
            case StmtKind::Break: case StmtKind::Continue: {
                bool brk = s->kind == StmtKind::Break;
                int i = static_cast<int>(u().fblocks.size()) - 1;
                for (; i >= 0; --i) {
                    if (u().fblocks[i].kind == FKind::Loop) break;
                }
                if (i < 0) error(s->span, brk ? "'break' outside loop" : "'continue' not properly in loop");
                unwind_fblocks(i + 1, false);
                FBlock& loop = u().fblocks[i];
                if (brk) {
                    if (loop.for_loop) { emit(Op::PopTop); u().depth += 1; }
                    int j = emit(Op::Jump);
                    u().fblocks[i].breaks.push_back(j);
                } else {
                    emit(Op::Jump, loop.continue_target);
                }
                return;
            }
            case StmtKind::Return: {
                auto* r = s->as<Return>();
                if (r->value) expr(r->value);
                else emit(Op::LoadConst, const_none());
                if (!u().fblocks.empty()) {
                    bool need = false;
                    for (auto& fb : u().fblocks) if (fb.kind != FKind::Loop) need = true;
                    if (need) {
                        int slot = hidden_slot();
                        emit(Op::StoreFast, slot);
                        unwind_fblocks(0, true);
                        emit(Op::LoadFast, slot);
                    }
                }
                emit(Op::ReturnValue);
                u().depth += 1;
                return;
            }
            case StmtKind::FunctionDef: {
                auto* f = s->as<FunctionDef>();
                for (Expr* d : f->decorators) expr(d);
                make_function(f->name, f->args, &f->body, nullptr, f->scope, f->is_async, s->span, f->returns);
                for (std::size_t i = 0; i < f->decorators.size(); ++i) emit(Op::CallFunction, 1);
                name_op(f->name, Access::Store);
                return;
            }
            case StmtKind::ClassDef: class_def(s->as<ClassDef>()); return;
            case StmtKind::Raise: {
                auto* r = s->as<Raise>();
                int n = 0;
                if (r->exc) { expr(r->exc); ++n; }
                if (r->cause) { expr(r->cause); ++n; }
                emit(Op::Raise, n);
                return;
            }
            case StmtKind::Try: try_stmt(s->as<Try>()); return;
            case StmtKind::With: with_stmt(s->as<With>(), 0); return;
            case StmtKind::Assert: {
                auto* a = s->as<Assert>();
                int j = cond_jump(a->test, true);
                emit(Op::LoadAssertionError);
                if (a->msg) { expr(a->msg); emit(Op::CallFunction, 1); }
                emit(Op::Raise, 1);
                patch_here(j);
                return;
            }
            case StmtKind::Import: {
                for (Alias* al : s->as<Import>()->names) {
                    emit(Op::ImportName, add_const(str_value(al->name)));
                    std::string bind = al->asname.empty() ? al->name.substr(0, al->name.find('.')) : al->asname;
                    if (al->asname.empty() && al->name.find('.') != std::string::npos) {
                        emit(Op::PopTop);
                        emit(Op::ImportName, add_const(str_value(bind)));
                    }
                    name_op(bind, Access::Store);
                }
                return;
            }
            case StmtKind::ImportFrom: {
                auto* im = s->as<ImportFrom>();
                if (im->level > 0) error(s->span, "relative import");
                emit(Op::ImportName, add_const(str_value(im->module)));
                for (Alias* al : im->names) {
                    if (al->name == "*") error(s->span, "import *");
                    emit(Op::ImportFrom, name_index(al->name));
                    name_op(al->asname.empty() ? al->name : al->asname, Access::Store);
                }
                emit(Op::PopTop);
                return;
            }
            case StmtKind::Global: case StmtKind::Nonlocal: return;
            case StmtKind::Delete: {
                for (Expr* t : s->as<Delete>()->targets) del(t);
                return;
            }
        }
    }

    void del(Expr* t) {
        switch (t->kind) {
            case ExprKind::Name: name_op(t->as<Name>()->id, Access::Del); return;
            case ExprKind::Attribute:
                expr(t->as<Attribute>()->value);
                emit(Op::DeleteAttr, name_index(t->as<Attribute>()->attr));
                return;
            case ExprKind::Subscript:
                expr(t->as<Subscript>()->value);
                expr(t->as<Subscript>()->slice);
                emit(Op::DeleteSubscr);
                return;
            case ExprKind::Tuple: for (Expr* e : t->as<Tuple>()->elts) del(e); return;
            case ExprKind::List: for (Expr* e : t->as<List>()->elts) del(e); return;
            default: error(t->span, "this del target");
        }
    }

    // Emits the exit code of fblocks [from, end) innermost first (for
    // break/continue/return). The fblocks stay on the compiler's stack.
    void unwind_fblocks(int from, bool is_return) {
        std::vector<FBlock> saved(u().fblocks.begin(), u().fblocks.end());
        for (int i = static_cast<int>(saved.size()) - 1; i >= from; --i) {
            FBlock& fb = saved[i];
            int d = u().depth;
            switch (fb.kind) {
                case FKind::Loop:
                    if (is_return && fb.for_loop) {}  // iterator stays: frame is discarded
                    break;
                case FKind::Try: emit(Op::PopBlock); break;
                case FKind::Finally: {
                    emit(Op::PopBlock);
                    // the finally body runs with the enclosing blocks only
                    std::vector<FBlock> keep(u().fblocks.begin() + i, u().fblocks.end());
                    u().fblocks.resize(i);
                    body(*fb.finalbody);
                    u().fblocks.insert(u().fblocks.end(), keep.begin(), keep.end());
                    break;
                }
                case FKind::Handler: emit(Op::PopExcept); u().depth = d; break;
                case FKind::StarHandler:  // the scope pass rejects these jumps
                    error(Span{u().line, 0, u().line, 0}, "'break', 'continue' and 'return' in an except* block");
                case FKind::HandlerName:
                    emit(Op::PopBlock);
                    emit(Op::LoadConst, const_none());
                    name_op(fb.name, Access::Store);
                    name_op(fb.name, Access::Del);
                    break;
                case FKind::With: case FKind::AsyncWith:
                    emit(Op::PopBlock);
                    emit(Op::WithExitNormal);
                    if (fb.kind == FKind::AsyncWith) { emit(Op::GetAwaitable); emit(Op::Await); }
                    emit(Op::PopTop);
                    u().depth = d;
                    break;
            }
        }
    }

    void store(Expr* t) {
        switch (t->kind) {
            case ExprKind::Name: name_op(t->as<Name>()->id, Access::Store); return;
            case ExprKind::Attribute: {
                auto* a = t->as<Attribute>();
                expr(a->value);
                emit(Op::StoreAttr, name_index(a->attr));
                return;
            }
            case ExprKind::Subscript: {
                auto* sub = t->as<Subscript>();
                expr(sub->value);
                expr(sub->slice);
                emit(Op::StoreSubscr);
                return;
            }
            case ExprKind::Tuple: case ExprKind::List: {
                auto& elts = t->kind == ExprKind::Tuple ? t->as<Tuple>()->elts : t->as<List>()->elts;
                int star = -1;
                for (std::size_t i = 0; i < elts.size(); ++i)
                    if (elts[i]->kind == ExprKind::Starred) star = static_cast<int>(i);
                if (star < 0) emit(Op::UnpackSequence, static_cast<int>(elts.size()));
                else emit(Op::UnpackEx, star | ((static_cast<int>(elts.size()) - star - 1) << 8));
                for (Expr* e : elts) store(e->kind == ExprKind::Starred ? e->as<Starred>()->value : e);
                return;
            }
            case ExprKind::Starred: store(t->as<Starred>()->value); return;
            default: error(t->span, "this assignment target");
        }
    }

    void aug_assign(AugAssign* a) {
        Expr* t = a->target;
        switch (t->kind) {
            case ExprKind::Name:
                name_op(t->as<Name>()->id, Access::Load);
                expr(a->value);
                emit(Op::InplaceOp, static_cast<int>(a->op));
                name_op(t->as<Name>()->id, Access::Store);
                return;
            case ExprKind::Attribute: {
                auto* at = t->as<Attribute>();
                expr(at->value);
                emit(Op::DupTop);
                emit(Op::LoadAttr, name_index(at->attr));
                expr(a->value);
                emit(Op::InplaceOp, static_cast<int>(a->op));
                emit(Op::RotTwo);
                emit(Op::StoreAttr, name_index(at->attr));
                return;
            }
            case ExprKind::Subscript: {
                auto* sub = t->as<Subscript>();
                expr(sub->value);
                expr(sub->slice);
                emit(Op::DupTop2);
                emit(Op::LoadSubscr);
                expr(a->value);
                emit(Op::InplaceOp, static_cast<int>(a->op));
                emit(Op::RotThree);
                emit(Op::StoreSubscr);
                return;
            }
            default: error(t->span, "this augmented assignment target");
        }
    }

    void for_stmt(For* f) {
        expr(f->iter);
        emit(f->is_async ? Op::GetAIter : Op::GetIter);
        int top = here();
        int exit_jump;
        int handler_setup = -1;
        if (f->is_async) {
            handler_setup = emit(Op::SetupExcept);
            emit(Op::GetANext);
            emit(Op::GetAwaitable);
            emit(Op::Await);
            emit(Op::PopBlock);
            exit_jump = -1;
        } else {
            exit_jump = emit(Op::ForIter);
        }
        FBlock fb{FKind::Loop, {}, top, true, nullptr};
        push_fblock(fb);
        store(f->target);
        body(f->body);
        emit(Op::Jump, top);
        FBlock done = u().fblocks.back();
        u().fblocks.pop_back();
        if (f->is_async) {
            // handler: stack = iterator, prev, exc
            patch_here(handler_setup);
            u().depth += 2;
            emit(Op::EndAsyncFor);
        } else {
            patch_here(exit_jump);
            u().depth -= 1;  // ForIter popped the iterator
        }
        body(f->orelse);
        for (int b : done.breaks) patch_here(b);
    }

    void try_stmt(Try* t) {
        if (!t->finalbody.empty()) {
            int setup = emit(Op::SetupExcept);
            push_fblock({FKind::Finally, {}, 0, false, &t->finalbody});
            if (t->is_star) try_star(t);
            else if (!t->handlers.empty()) try_except(t);
            else body(t->body);
            u().fblocks.pop_back();
            emit(Op::PopBlock);
            body(t->finalbody);
            int jend = emit(Op::Jump);
            patch_here(setup);
            int d = u().depth;
            u().depth += 2;
            push_fblock({FKind::Handler, {}, 0, false, nullptr});
            body(t->finalbody);
            u().fblocks.pop_back();
            emit(Op::Reraise);
            u().depth = d;
            patch_here(jend);
            return;
        }
        if (t->is_star) try_star(t);
        else try_except(t);
    }

    // try/except* (PEP 654). The handler's stack: prev, orig (the exception
    // caught), raised (a list of what the clauses raised), rest (what no
    // clause has matched yet, or None). ExcStarEnd re-raises what is left.
    void try_star(Try* t) {
        int setup = emit(Op::SetupExcept);
        push_fblock({FKind::Try, {}, 0, false, nullptr});
        body(t->body);
        u().fblocks.pop_back();
        emit(Op::PopBlock);
        body(t->orelse);
        int jend = emit(Op::Jump);
        patch_here(setup);
        int d = u().depth;
        u().depth += 2;  // prev, orig
        emit(Op::ExcStarBegin);
        for (ExceptHandler* h : t->handlers) {
            u().line = h->span.line;
            expr(h->type);
            int next = emit(Op::ExcStarMatch);  // the matched part replaces the type
            if (h->name.empty()) emit(Op::PopTop);
            else name_op(h->name, Access::Store);
            int cleanup = emit(Op::SetupExcept);
            push_fblock({FKind::StarHandler, {}, 0, false, nullptr});
            body(h->body);
            u().fblocks.pop_back();
            emit(Op::PopBlock);
            unbind(h->name);
            int done = emit(Op::Jump);
            // the clause raised: collect its exception, go on with the next clause
            patch_here(cleanup);
            u().depth += 2;  // prev, exc
            unbind(h->name);
            emit(Op::ExcStarCollect);
            patch_here(done);
            patch_here(next);
            u().depth = d + 4;
        }
        emit(Op::ExcStarEnd);
        u().depth = d;
        patch_here(jend);
    }

    // `except ... as name` unbinds the name when the handler ends.
    void unbind(const std::string& name) {
        if (name.empty()) return;
        emit(Op::LoadConst, const_none());
        name_op(name, Access::Store);
        name_op(name, Access::Del);
    }

    void try_except(Try* t) {
        int setup = emit(Op::SetupExcept);
        push_fblock({FKind::Try, {}, 0, false, nullptr});
        body(t->body);
        u().fblocks.pop_back();
        emit(Op::PopBlock);
        body(t->orelse);
        int jend = emit(Op::Jump);
        std::vector<int> ends{jend};
        patch_here(setup);
        int d = u().depth;
        u().depth += 2;  // prev, exc
        for (ExceptHandler* h : t->handlers) {
            u().line = h->span.line;
            int next = -1;
            if (h->type) {
                expr(h->type);
                emit(Op::CheckExcMatch);  // pops type, pushes bool
                next = emit(Op::PopJumpIfFalse);
            }
            push_fblock({FKind::Handler, {}, 0, false, nullptr});
            if (!h->name.empty()) {
                emit(Op::DupTop);
                name_op(h->name, Access::Store);
                // `except E as e` unbinds e when the handler ends
                int cleanup = emit(Op::SetupExcept);
                push_fblock({FKind::HandlerName, {}, 0, false, nullptr, h->name});
                body(h->body);
                u().fblocks.pop_back();
                emit(Op::PopBlock);
                emit(Op::LoadConst, const_none());
                name_op(h->name, Access::Store);
                name_op(h->name, Access::Del);
                int jok = emit(Op::Jump);
                patch_here(cleanup);
                u().depth += 2;
                emit(Op::LoadConst, const_none());
                name_op(h->name, Access::Store);
                name_op(h->name, Access::Del);
                emit(Op::Reraise);
                u().depth -= 2;
                patch_here(jok);
            } else {
                body(h->body);
            }
            u().fblocks.pop_back();
            emit(Op::PopExcept);
            ends.push_back(emit(Op::Jump));
            u().depth = d + 2;
            if (next >= 0) patch_here(next);
        }
        emit(Op::Reraise);
        u().depth = d;
        for (int e : ends) patch_here(e);
    }

    void with_stmt(With* w, std::size_t item) {
        bool async = w->is_async;
        WithItem* it = w->items[item];
        expr(it->context_expr);
        emit(async ? Op::BeforeAsyncWith : Op::BeforeWith);
        if (async) { emit(Op::GetAwaitable); emit(Op::Await); }
        if (it->optional_vars) store(it->optional_vars);
        else emit(Op::PopTop);
        // the protected region starts with only __exit__ on the stack
        int setup = emit(Op::SetupExcept);
        push_fblock({async ? FKind::AsyncWith : FKind::With, {}, 0, false, nullptr});
        if (item + 1 < w->items.size()) with_stmt(w, item + 1);
        else body(w->body);
        u().fblocks.pop_back();
        emit(Op::PopBlock);
        emit(Op::WithExitNormal);
        if (async) { emit(Op::GetAwaitable); emit(Op::Await); }
        emit(Op::PopTop);
        int jend = emit(Op::Jump);
        patch_here(setup);
        int d = u().depth;
        u().depth += 2;
        emit(Op::WithExcept);
        if (async) { emit(Op::GetAwaitable); emit(Op::Await); }
        int jsup = emit(Op::PopJumpIfTrue);
        emit(Op::Reraise);
        patch_here(jsup);
        emit(Op::PopExcept);
        emit(Op::PopTop);
        u().depth = d - 1;
        patch_here(jend);
    }

    void class_def(ClassDef* c) {
        for (Expr* d : c->decorators) expr(d);
        emit(Op::LoadBuildClass);
        // body function
        std::string qualname = qualname_for(c->name);
        Code* body_code = new_code(c->name, qualname, c->scope);
        body_code->is_class = true;
        Unit bu{body_code, c->scope};
        bu.line = c->span.line;
        units_.push_back(&bu);
        emit(Op::LoadName, name_index("__name__"));
        emit(Op::StoreName, name_index("__module__"));
        emit(Op::LoadConst, add_const(str_value(qualname)));
        emit(Op::StoreName, name_index("__qualname__"));
        if (!c->body.empty()) {
            Value d = docstring(c->body[0]);
            if (!d.is_null()) {
                emit(Op::LoadConst, add_const(d));
                emit(Op::StoreName, name_index("__doc__"));
            }
        }
        body(c->body);
        if (c->scope && c->scope->needs_class_cell) {
            int idx = -1;
            for (std::size_t i = 0; i < c->scope->cellvars.size(); ++i)
                if (c->scope->cellvars[i] == "__class__") idx = static_cast<int>(i);
            if (idx >= 0) emit(Op::LoadClosure, idx);
            else emit(Op::LoadConst, const_none());
        } else {
            emit(Op::LoadConst, const_none());
        }
        emit(Op::ReturnValue);
        finish(bu);
        units_.pop_back();
        int flags = closure_for(c->scope) ? kFnClosure : 0;
        code()->children.push_back(body_code);
        emit(Op::MakeFunction, static_cast<int>(code()->children.size() - 1) | (flags << 16));
        emit(Op::LoadConst, add_const(str_value(c->name)));
        int n = 2;
        bool star = false;
        for (Expr* b : c->bases) if (b->kind == ExprKind::Starred) star = true;
        if (star) error(c->span, "class keywords or starred bases");
        for (Keyword* k : c->keywords)
            if (k->arg != "metaclass") error(k->span, "class keyword '" + k->arg + "'");
        for (Expr* b : c->bases) { expr(b); ++n; }
        if (c->keywords.empty()) {
            emit(Op::CallFunction, n);
        } else {  // metaclass=M
            expr(c->keywords[0]->value);
            emit(Op::LoadConst, add_const(tuple_value({Value(rt().intern("metaclass"))})));
            emit(Op::CallKw, n + 1);
        }
        for (std::size_t i = 0; i < c->decorators.size(); ++i) emit(Op::CallFunction, 1);
        name_op(c->name, Access::Store);
    }

    std::string qualname_for(const std::string& name) {
        return qualname_for_parent(name);
    }
    std::string qualname_for_parent(const std::string& name) {
        // qualname: enclosing function names get ".<locals>."
        std::string q;
        for (std::size_t i = 1; i < units_.size(); ++i) {
            Unit* un = units_[i];
            if (un->code->is_module) continue;
            q += un->code->name;
            q += un->code->is_class ? "." : ".<locals>.";
        }
        if (units_.back()->code->is_class || units_.size() > 1) {}
        return q + name;
    }

    // Pushes the closure tuple for a nested scope; returns whether it did.
    bool closure_for(const Scope* inner) {
        if (!inner || inner->freevars.empty()) return false;
        for (auto& fv : inner->freevars) {
            const Scope* sc = u().scope;
            const Symbol* sym = sc->lookup(fv);
            int idx = -1;
            if (sym && (sym->kind == SymbolKind::Cell || sym->kind == SymbolKind::Free)) idx = sym->cell;
            if (idx < 0) {
                // the class body's __class__ cell
                for (std::size_t i = 0; i < sc->cellvars.size(); ++i)
                    if (sc->cellvars[i] == fv) idx = static_cast<int>(i);
                for (std::size_t i = 0; idx < 0 && i < sc->freevars.size(); ++i)
                    if (sc->freevars[i] == fv) idx = static_cast<int>(sc->cellvars.size() + i);
            }
            if (idx < 0) error(inner->span, "closure over '" + fv + "'");
            emit(Op::LoadClosure, idx);
        }
        emit(Op::BuildTuple, static_cast<int>(inner->freevars.size()));
        return true;
    }

    void make_function(const std::string& name, Arguments* args, const Body* fbody, Expr* lambda_body,
                       const Scope* scope, bool is_async, const Span& span, Expr* returns = nullptr) {
        int flags = 0;
        if (!args->defaults.empty()) {
            for (Expr* d : args->defaults) expr(d);
            emit(Op::BuildTuple, static_cast<int>(args->defaults.size()));
            flags |= kFnDefaults;
        }
        bool any_kw = false;
        for (Expr* d : args->kw_defaults) if (d) any_kw = true;
        if (any_kw) {
            int n = 0;
            for (std::size_t i = 0; i < args->kwonlyargs.size(); ++i) {
                if (!args->kw_defaults[i]) continue;
                emit(Op::LoadConst, add_const(Value(rt().intern(args->kwonlyargs[i]->name))));
                expr(args->kw_defaults[i]);
                ++n;
            }
            emit(Op::BuildMap, n);
            flags |= kFnKwDefaults;
        }
        // __annotations__, evaluated now as CPython 3.11 does (their text
        // under `from __future__ import annotations`)
        int nann = 0;
        auto annotation = [&](const std::string& key, Expr* e) {
            if (!e) return;
            emit(Op::LoadConst, add_const(Value(rt().intern(key))));
            if (future_annotations_) emit(Op::LoadConst, add_const(str_value(source_text(e->span))));
            else expr(e);
            ++nann;
        };
        for (Arg* a : args->posonlyargs) annotation(a->name, a->annotation);
        for (Arg* a : args->args) annotation(a->name, a->annotation);
        if (args->vararg) annotation(args->vararg->name, args->vararg->annotation);
        for (Arg* a : args->kwonlyargs) annotation(a->name, a->annotation);
        if (args->kwarg) annotation(args->kwarg->name, args->kwarg->annotation);
        annotation("return", returns);
        if (nann) {
            emit(Op::BuildMap, nann);
            flags |= kFnAnnotations;
        }
        if (closure_for(scope)) flags |= kFnClosure;
        Code* c = new_code(name, qualname_for(name), scope);
        c->firstline = span.line;
        c->nposonly = static_cast<int>(args->posonlyargs.size());
        c->nargs = static_cast<int>(args->posonlyargs.size() + args->args.size());
        c->nkwonly = static_cast<int>(args->kwonlyargs.size());
        c->varargs = args->vararg != nullptr;
        c->varkw = args->kwarg != nullptr;
        c->is_generator = scope->is_generator && !is_async;
        c->is_coroutine = is_async && !scope->is_generator;
        c->is_async_gen = is_async && scope->is_generator;
        Unit fu{c, scope};
        fu.line = span.line;
        units_.push_back(&fu);
        if (fbody && !fbody->empty()) c->doc = docstring((*fbody)[0]);
        if (lambda_body) {
            expr(lambda_body);
            emit(Op::ReturnValue);
        } else {
            body(*fbody);
            emit(Op::LoadConst, const_none());
            emit(Op::ReturnValue);
        }
        finish(fu);
        units_.pop_back();
        code()->children.push_back(c);
        emit(Op::MakeFunction, static_cast<int>(code()->children.size() - 1) | (flags << 16));
    }

    // ---- expressions ------------------------------------------------------------
    // Evaluates `e` and jumps when its truth equals `when`; returns the jump.
    int cond_jump(Expr* e, bool when) {
        if (e->kind == ExprKind::UnaryOp && e->as<UnaryOp>()->op == UnaryOpKind::Not)
            return cond_jump(e->as<UnaryOp>()->operand, !when);
        expr(e);
        return emit(when ? Op::PopJumpIfTrue : Op::PopJumpIfFalse);
    }

    Value constant_value(Constant* c) {
        switch (c->type) {
            case Constant::Type::None: return Value::none();
            case Constant::Type::True: return Value::boolean(true);
            case Constant::Type::False: return Value::boolean(false);
            case Constant::Type::Ellipsis: return Value(static_cast<Object*>(rt().intern("Ellipsis")));
            case Constant::Type::Float: return Value::number(c->number);
            case Constant::Type::Str: return Value(rt().intern(c->text));
            case Constant::Type::Bytes: return bytes_value(c->text);
            case Constant::Type::Int: {
                if (c->base == 10 && c->text.size() <= 18) {  // fits int64: no BigInt parse
                    std::int64_t v = 0;
                    bool digits = !c->text.empty();
                    for (char ch : c->text) {
                        if (ch < '0' || ch > '9') { digits = false; break; }
                        v = v * 10 + (ch - '0');
                    }
                    if (digits) return Value::integer(v);
                }
                std::string t = c->text;
                if (c->base == 16) t = "0x" + t;
                else if (c->base == 8) t = "0o" + t;
                else if (c->base == 2) t = "0b" + t;
                auto b = num::BigInt::parse(t, c->base == 10 ? 10 : 0);
                if (!b) error(c->span, "integer literal");
                return int_value(*b);
            }
        }
        return Value::none();
    }

    void expr(Expr* e) {
        int saved_line = u().line;
        if (e->span.line) u().line = e->span.line;
        expr_inner(e);
        u().line = saved_line;
    }

    void expr_inner(Expr* e) {
        switch (e->kind) {
            case ExprKind::Constant: emit(Op::LoadConst, add_const(constant_value(e->as<Constant>()))); return;
            case ExprKind::Name: name_op(e->as<Name>()->id, Access::Load); return;
            case ExprKind::BinOp: {
                auto* b = e->as<BinOp>();
                expr(b->left);
                expr(b->right);
                emit(Op::BinaryOp, static_cast<int>(b->op));
                return;
            }
            case ExprKind::UnaryOp: {
                auto* un = e->as<UnaryOp>();
                expr(un->operand);
                emit(Op::UnaryOp, static_cast<int>(un->op));
                return;
            }
            case ExprKind::BoolOp: {
                auto* b = e->as<BoolOp>();
                std::vector<int> jumps;
                for (std::size_t i = 0; i < b->values.size(); ++i) {
                    expr(b->values[i]);
                    if (i + 1 < b->values.size())
                        jumps.push_back(emit(b->op == BoolOpKind::And ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop));
                }
                for (int j : jumps) patch_here(j);
                return;
            }
            case ExprKind::Compare: {
                auto* c = e->as<Compare>();
                expr(c->left);
                if (c->ops.size() == 1) {
                    expr(c->comparators[0]);
                    emit(Op::CompareOp, static_cast<int>(c->ops[0]));
                    return;
                }
                std::vector<int> fails;
                for (std::size_t i = 0; i < c->ops.size(); ++i) {
                    expr(c->comparators[i]);
                    if (i + 1 < c->ops.size()) {
                        emit(Op::DupTop);
                        emit(Op::RotThree);
                        emit(Op::CompareOp, static_cast<int>(c->ops[i]));
                        fails.push_back(emit(Op::JumpIfFalseOrPop));
                    } else {
                        emit(Op::CompareOp, static_cast<int>(c->ops[i]));
                    }
                }
                int jend = emit(Op::Jump);
                for (int f : fails) patch_here(f);
                // failure path: stack has [x, False] -> keep False
                u().depth += 1;
                emit(Op::RotTwo);
                emit(Op::PopTop);
                patch_here(jend);
                return;
            }
            case ExprKind::IfExp: {
                auto* i = e->as<IfExp>();
                int jf = cond_jump(i->test, false);
                expr(i->body);
                int je = emit(Op::Jump);
                u().depth -= 1;
                patch_here(jf);
                expr(i->orelse);
                patch_here(je);
                return;
            }
            case ExprKind::Attribute:
                expr(e->as<Attribute>()->value);
                emit(Op::LoadAttr, name_index(e->as<Attribute>()->attr));
                return;
            case ExprKind::Subscript:
                expr(e->as<Subscript>()->value);
                expr(e->as<Subscript>()->slice);
                emit(Op::LoadSubscr);
                return;
            case ExprKind::Slice: {
                auto* s = e->as<Slice>();
                for (Expr* p : {s->lower, s->upper, s->step}) {
                    if (p) expr(p);
                    else emit(Op::LoadConst, const_none());
                }
                emit(Op::BuildSlice, 3);
                return;
            }
            case ExprKind::Tuple: sequence(e->as<Tuple>()->elts, Op::BuildTuple); return;
            case ExprKind::List: sequence(e->as<List>()->elts, Op::BuildList); return;
            case ExprKind::Set: sequence(e->as<Set>()->elts, Op::BuildSet); return;
            case ExprKind::Dict: {
                auto* d = e->as<Dict>();
                int n = 0;
                bool built = false;
                for (std::size_t i = 0; i < d->keys.size(); ++i) {
                    if (!d->keys[i]) {
                        if (!built) { emit(Op::BuildMap, n); built = true; }
                        else if (n) { emit(Op::BuildMap, n); emit(Op::DictUpdate, 1); }
                        n = 0;
                        expr(d->values[i]);
                        emit(Op::DictUpdate, 1);
                        continue;
                    }
                    expr(d->keys[i]);
                    expr(d->values[i]);
                    ++n;
                }
                if (!built) emit(Op::BuildMap, n);
                else if (n) { emit(Op::BuildMap, n); emit(Op::DictUpdate, 1); }
                return;
            }
            case ExprKind::JoinedStr: {
                auto* j = e->as<JoinedStr>();
                for (Expr* v : j->values) expr(v);
                if (j->values.size() != 1 || j->values[0]->kind != ExprKind::FormattedValue)
                    emit(Op::BuildString, static_cast<int>(j->values.size()));
                return;
            }
            case ExprKind::FormattedValue: {
                auto* f = e->as<FormattedValue>();
                expr(f->value);
                if (f->format_spec) expr(f->format_spec);
                emit(Op::FormatValue, static_cast<int>(static_cast<unsigned char>(f->conversion)) | ((f->format_spec ? 1 : 0) << 8));
                return;
            }
            case ExprKind::Call: call_expr(e->as<Call>()); return;
            case ExprKind::Lambda: {
                auto* l = e->as<Lambda>();
                make_function("<lambda>", l->args, nullptr, l->body, l->scope, false, e->span);
                return;
            }
            case ExprKind::ListComp: {
                auto* c = e->as<ListComp>();
                comprehension(c->generators, c->scope, "<listcomp>", 1, c->elt, nullptr, e->span);
                return;
            }
            case ExprKind::SetComp: {
                auto* c = e->as<SetComp>();
                comprehension(c->generators, c->scope, "<setcomp>", 2, c->elt, nullptr, e->span);
                return;
            }
            case ExprKind::DictComp: {
                auto* c = e->as<DictComp>();
                comprehension(c->generators, c->scope, "<dictcomp>", 3, c->key, c->value, e->span);
                return;
            }
            case ExprKind::GeneratorExp: {
                auto* c = e->as<GeneratorExp>();
                comprehension(c->generators, c->scope, "<genexpr>", 0, c->elt, nullptr, e->span);
                return;
            }
            case ExprKind::Await:
                expr(e->as<Await>()->value);
                emit(Op::GetAwaitable);
                emit(Op::Await);
                return;
            case ExprKind::Yield:
                if (e->as<Yield>()->value) expr(e->as<Yield>()->value);
                else emit(Op::LoadConst, const_none());
                emit(Op::YieldValue);
                return;
            case ExprKind::NamedExpr:
                expr(e->as<NamedExpr>()->value);
                emit(Op::DupTop);
                store(e->as<NamedExpr>()->target);
                return;
            case ExprKind::YieldFrom: {
                // iter; None; L: YieldFromSend exit; YieldValue; Jump L; exit: (the iterator's value)
                expr(e->as<YieldFrom>()->value);
                emit(Op::GetIter);
                emit(Op::LoadConst, const_none());
                int top = here();
                int send = emit(Op::YieldFromSend);
                emit(Op::YieldValue);
                emit(Op::Jump, top);
                patch_here(send);
                u().depth -= 1;
                return;
            }
            case ExprKind::Starred:
                error(e->span, "starred expression here");
        }
    }

    void sequence(const std::vector<Expr*>& elts, Op build) {
        bool star = false;
        for (Expr* x : elts) if (x->kind == ExprKind::Starred) star = true;
        if (!star) {
            for (Expr* x : elts) expr(x);
            emit(build, static_cast<int>(elts.size()));
            return;
        }
        emit(build == Op::BuildSet ? Op::BuildSet : Op::BuildList, 0);
        for (Expr* x : elts) {
            if (x->kind == ExprKind::Starred) {
                expr(x->as<Starred>()->value);
                emit(build == Op::BuildSet ? Op::SetUpdate : Op::ListExtend, 1);
            } else {
                expr(x);
                emit(build == Op::BuildSet ? Op::SetAdd : Op::ListAppend, 1);
            }
        }
        if (build == Op::BuildTuple) emit(Op::ListToTuple);
    }

    void call_expr(Call* c) {
        bool star = false, dstar = false;
        for (Expr* a : c->args) if (a->kind == ExprKind::Starred) star = true;
        for (Keyword* k : c->keywords) if (k->arg.empty()) dstar = true;
        // zero-argument super()
        if (c->func->kind == ExprKind::Name && c->func->as<Name>()->id == "super" && c->args.empty() &&
            c->keywords.empty()) {
            const Scope* sc = u().scope;
            const Symbol* cls = sc ? sc->lookup("__class__") : nullptr;
            if (cls && sc->is_function_like() && sc->param_count > 0) {
                name_op("super", Access::Load);
                emit(Op::LoadDeref, cls->cell);
                emit(sc->lookup(sc->locals[0])->kind == SymbolKind::Cell ? Op::LoadDeref : Op::LoadFast,
                     sc->lookup(sc->locals[0])->kind == SymbolKind::Cell ? sc->lookup(sc->locals[0])->cell : 0);
                emit(Op::CallFunction, 2);
                return;
            }
        }
        if (star || dstar) {
            expr(c->func);
            emit(Op::BuildList, 0);
            for (Expr* a : c->args) {
                if (a->kind == ExprKind::Starred) { expr(a->as<Starred>()->value); emit(Op::ListExtend, 1); }
                else { expr(a); emit(Op::ListAppend, 1); }
            }
            emit(Op::ListToTuple);
            emit(Op::BuildMap, 0);
            for (Keyword* k : c->keywords) {
                if (k->arg.empty()) { expr(k->value); emit(Op::DictUpdate, 1); }
                else {
                    emit(Op::LoadConst, add_const(Value(rt().intern(k->arg))));
                    expr(k->value);
                    emit(Op::BuildMap, 1);
                    emit(Op::DictUpdate, 1);
                }
            }
            emit(Op::CallEx, 1);
            return;
        }
        if (c->keywords.empty() && c->func->kind == ExprKind::Attribute) {
            auto* a = c->func->as<Attribute>();
            expr(a->value);
            emit(Op::LoadMethod, name_index(a->attr));
            for (Expr* x : c->args) expr(x);
            emit(Op::CallMethod, static_cast<int>(c->args.size()));
            return;
        }
        expr(c->func);
        for (Expr* x : c->args) expr(x);
        if (c->keywords.empty()) {
            emit(Op::CallFunction, static_cast<int>(c->args.size()));
            return;
        }
        std::vector<Value> names;
        for (Keyword* k : c->keywords) {
            expr(k->value);
            names.push_back(Value(rt().intern(k->arg)));
        }
        emit(Op::LoadConst, add_const(tuple_value(std::move(names))));
        emit(Op::CallKw, static_cast<int>(c->args.size() + c->keywords.size()));
    }

    // kind: 0 generator, 1 list, 2 set, 3 dict
    void comprehension(const std::vector<Comprehension*>& gens, const Scope* scope, const char* name, int kind,
                       Expr* elt, Expr* value, const Span& span) {
        int flags = closure_for(scope) ? kFnClosure : 0;
        Code* c = new_code(name, qualname_for(name), scope);
        c->nargs = 1;
        bool is_async = scope->is_async;
        c->is_generator = kind == 0 && !is_async;
        c->is_async_gen = kind == 0 && is_async;
        c->is_coroutine = kind != 0 && is_async;
        Unit cu{c, scope};
        cu.line = span.line;
        units_.push_back(&cu);
        if (kind == 1) emit(Op::BuildList, 0);
        else if (kind == 2) emit(Op::BuildSet, 0);
        else if (kind == 3) emit(Op::BuildMap, 0);
        comp_level(gens, 0, kind, elt, value);
        if (kind == 0) emit(Op::LoadConst, const_none());
        emit(Op::ReturnValue);
        finish(cu);
        units_.pop_back();
        code()->children.push_back(c);
        emit(Op::MakeFunction, static_cast<int>(code()->children.size() - 1) | (flags << 16));
        expr(gens[0]->iter);
        emit(gens[0]->is_async ? Op::GetAIter : Op::GetIter);
        emit(Op::CallFunction, 1);
        if (kind != 0 && is_async) { emit(Op::GetAwaitable); emit(Op::Await); }
    }

    void comp_level(const std::vector<Comprehension*>& gens, std::size_t i, int kind, Expr* elt, Expr* value) {
        Comprehension* g = gens[i];
        if (i == 0) emit(Op::LoadFast, 0);
        else { expr(g->iter); emit(g->is_async ? Op::GetAIter : Op::GetIter); }
        int top = here();
        int exit_jump = -1, setup = -1;
        if (g->is_async) {
            setup = emit(Op::SetupExcept);
            emit(Op::GetANext);
            emit(Op::GetAwaitable);
            emit(Op::Await);
            emit(Op::PopBlock);
        } else {
            exit_jump = emit(Op::ForIter);
        }
        store(g->target);
        std::vector<int> skips;
        for (Expr* cond : g->ifs) skips.push_back(cond_jump(cond, false));
        if (i + 1 < gens.size()) {
            comp_level(gens, i + 1, kind, elt, value);
        } else {
            int depth = static_cast<int>(i) + 2;  // iterators below + the collection
            switch (kind) {
                case 0: expr(elt); emit(Op::YieldValue); emit(Op::PopTop); break;
                case 1: expr(elt); emit(Op::ListAppend, depth); break;
                case 2: expr(elt); emit(Op::SetAdd, depth); break;
                case 3: expr(elt); expr(value); emit(Op::MapAdd, depth); break;
            }
        }
        for (int s : skips) patch(s, top);
        emit(Op::Jump, top);
        if (g->is_async) {
            patch_here(setup);
            u().depth += 2;
            emit(Op::EndAsyncFor);
        } else {
            patch_here(exit_jump);
            u().depth -= 1;
        }
    }
};

}  // namespace

void compile_module(const Module& m, const Source& src, Program& out) {
    Compiler c(src, out);
    out.module = c.compile_module(m);
}

}  // namespace corolab::lang

// Debug dump in the form of CPython's ast.dump(), so tests can compare the
// parser's output with CPython's for the same source.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "lang/front/ast.hpp"
#include "lang/front/string_literal.hpp"

namespace corolab::lang {

namespace {

// Python's repr() of a str holding UTF-8 text.
std::string str_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char q = has_single && !has_double ? '"' : '\'';
    std::string out(1, q);
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char buf[16];
        if (c == static_cast<unsigned char>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (c >= 0x80) {
            // Decode to check for non-printable code points (C1 controls, no-break space...).
            int n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
            char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
            for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
            // Non-printable in Python's sense: controls, separators, format characters.
            bool unprintable = cp < 0xA1 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
                               (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
                               cp == 0x3000 || cp == 0xFEFF;
            if (unprintable && cp > 0xFF) {
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
                out += buf;
            } else if (unprintable) {
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
                out += buf;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
                out += buf;
            } else {
                out.append(s, i, n);
            }
            i += n - 1;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += q;
    return out;
}

// Python's repr() of a float: shortest round-trip digits, fixed notation
// for exponents in [-4, 16), scientific otherwise.
std::string float_repr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    int prec = 1;
    for (; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    // buf = "d.ddde[+-]XX"
    std::string s = buf;
    bool neg = s[0] == '-';
    if (neg) s.erase(0, 1);
    std::size_t e = s.find('e');
    int exp = std::atoi(s.c_str() + e + 1);
    std::string digits;
    for (std::size_t k = 0; k < e; ++k)
        if (s[k] != '.') digits += s[k];
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out;
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            out = "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
        } else if (static_cast<int>(digits.size()) <= exp + 1) {
            out = digits + std::string(static_cast<std::size_t>(exp + 1) - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += buf;
    }
    return neg ? "-" + out : out;
}

// Decimal digits of an int literal written in base 2, 8 or 16 (schoolbook
// conversion: quadratic, fine for a debug dump).
std::string int_repr(const Constant& c) {
    if (c.base == 10) return c.text;
    std::vector<int> dec{0};  // little-endian decimal digits
    for (char ch : c.text) {
        int carry = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        for (int& d : dec) {
            int v = d * c.base + carry;
            d = v % 10;
            carry = v / 10;
        }
        for (; carry; carry /= 10) dec.push_back(carry % 10);
    }
    std::string out;
    for (auto it = dec.rbegin(); it != dec.rend(); ++it) out += static_cast<char>('0' + *it);
    return out;
}

const char* binop_name(BinOpKind k) {
    static const char* names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                  "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
    return names[static_cast<int>(k)];
}
const char* cmpop_name(CmpOpKind k) {
    static const char* names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return names[static_cast<int>(k)];
}
const char* unop_name(UnaryOpKind k) {
    static const char* names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[static_cast<int>(k)];
}
const char* ctx_name(Ctx c) { return c == Ctx::Load ? "Load()" : c == Ctx::Store ? "Store()" : "Del()"; }

class Dumper {
public:
    std::string out;
    bool positions = false;  // ast.dump(include_attributes=True)

    // Adds CPython's location attributes inside the node just written
    // (which ends with its ')'): 0-based columns, end exclusive.
    void located(const Span& s) {
        if (!positions) return;
        out.pop_back();
        if (out.back() != '(') out += ", ";
        out += "lineno=" + std::to_string(s.line) + ", col_offset=" + std::to_string(s.col - 1) +
               ", end_lineno=" + std::to_string(s.end_line) + ", end_col_offset=" + std::to_string(s.end_col - 1) + ")";
    }

    void expr(const Expr* e) {
        expr_fields(e);
        if (e) located(e->span);
    }

    void expr_fields(const Expr* e) {
        if (!e) {
            out += "None";
            return;
        }
        switch (e->kind) {
            case ExprKind::Name: {
                auto* n = e->as<Name>();
                out += "Name(id=" + str_repr(n->id) + ", ctx=" + ctx_name(n->ctx) + ")";
                return;
            }
            case ExprKind::Constant: {
                auto* c = e->as<Constant>();
                out += "Constant(value=";
                switch (c->type) {
                    case Constant::Type::None: out += "None"; break;
                    case Constant::Type::True: out += "True"; break;
                    case Constant::Type::False: out += "False"; break;
                    case Constant::Type::Ellipsis: out += "Ellipsis"; break;
                    case Constant::Type::Int: out += int_repr(*c); break;
                    case Constant::Type::Float: out += float_repr(c->number); break;
                    case Constant::Type::Str: out += str_repr(c->text); break;
                    case Constant::Type::Bytes: out += bytes_repr(c->text); break;
                }
                out += ")";
                return;
            }
            case ExprKind::JoinedStr:
                out += "JoinedStr(values=";
                list(e->as<JoinedStr>()->values);
                out += ")";
                return;
            case ExprKind::FormattedValue: {
                auto* f = e->as<FormattedValue>();
                out += "FormattedValue(value=";
                expr(f->value);
                out += ", conversion=" + std::to_string(f->conversion ? int(f->conversion) : -1);
                if (f->format_spec) {
                    out += ", format_spec=";
                    expr(f->format_spec);
                }
                out += ")";
                return;
            }
            case ExprKind::BoolOp: {
                auto* b = e->as<BoolOp>();
                out += std::string("BoolOp(op=") + (b->op == BoolOpKind::And ? "And()" : "Or()") + ", values=";
                list(b->values);
                out += ")";
                return;
            }
            case ExprKind::BinOp: {
                auto* b = e->as<BinOp>();
                out += "BinOp(left=";
                expr(b->left);
                out += std::string(", op=") + binop_name(b->op) + "(), right=";
                expr(b->right);
                out += ")";
                return;
            }
            case ExprKind::UnaryOp: {
                auto* u = e->as<UnaryOp>();
                out += std::string("UnaryOp(op=") + unop_name(u->op) + "(), operand=";
                expr(u->operand);
                out += ")";
                return;
            }
            case ExprKind::Compare: {
                auto* c = e->as<Compare>();
                out += "Compare(left=";
                expr(c->left);
                out += ", ops=[";
                for (std::size_t i = 0; i < c->ops.size(); ++i)
                    out += std::string(i ? ", " : "") + cmpop_name(c->ops[i]) + "()";
                out += "], comparators=";
                list(c->comparators);
                out += ")";
                return;
            }
            case ExprKind::IfExp: {
                auto* x = e->as<IfExp>();
                out += "IfExp(test=";
                expr(x->test);
                out += ", body=";
                expr(x->body);
                out += ", orelse=";
                expr(x->orelse);
                out += ")";
                return;
            }
            case ExprKind::Lambda: {
                auto* l = e->as<Lambda>();
                out += "Lambda(args=";
                arguments(*l->args);
                out += ", body=";
                expr(l->body);
                out += ")";
                return;
            }
            case ExprKind::Dict: {
                auto* d = e->as<Dict>();
                out += "Dict(keys=";
                list(d->keys);
                out += ", values=";
                list(d->values);
                out += ")";
                return;
            }
            case ExprKind::Set:
                out += "Set(elts=";
                list(e->as<Set>()->elts);
                out += ")";
                return;
            case ExprKind::List:
                out += "List(elts=";
                list(e->as<List>()->elts);
                out += std::string(", ctx=") + ctx_name(e->ctx) + ")";
                return;
            case ExprKind::Tuple:
                out += "Tuple(elts=";
                list(e->as<Tuple>()->elts);
                out += std::string(", ctx=") + ctx_name(e->ctx) + ")";
                return;
            case ExprKind::ListComp: comp("ListComp", e->as<ListComp>()->elt, nullptr, e->as<ListComp>()->generators); return;
            case ExprKind::SetComp: comp("SetComp", e->as<SetComp>()->elt, nullptr, e->as<SetComp>()->generators); return;
            case ExprKind::GeneratorExp:
                comp("GeneratorExp", e->as<GeneratorExp>()->elt, nullptr, e->as<GeneratorExp>()->generators);
                return;
            case ExprKind::DictComp:
                comp("DictComp", e->as<DictComp>()->key, e->as<DictComp>()->value, e->as<DictComp>()->generators);
                return;
            case ExprKind::Await:
                out += "Await(value=";
                expr(e->as<Await>()->value);
                out += ")";
                return;
            case ExprKind::Yield:
                out += "Yield(";
                if (e->as<Yield>()->value) {
                    out += "value=";
                    expr(e->as<Yield>()->value);
                }
                out += ")";
                return;
            case ExprKind::YieldFrom:
                out += "YieldFrom(value=";
                expr(e->as<YieldFrom>()->value);
                out += ")";
                return;
            case ExprKind::NamedExpr:
                out += "NamedExpr(target=";
                expr(e->as<NamedExpr>()->target);
                out += ", value=";
                expr(e->as<NamedExpr>()->value);
                out += ")";
                return;
            case ExprKind::Call: {
                auto* c = e->as<Call>();
                out += "Call(func=";
                expr(c->func);
                out += ", args=";
                list(c->args);
                out += ", keywords=";
                keywords(c->keywords);
                out += ")";
                return;
            }
            case ExprKind::Attribute: {
                auto* a = e->as<Attribute>();
                out += "Attribute(value=";
                expr(a->value);
                out += ", attr=" + str_repr(a->attr) + ", ctx=" + ctx_name(a->ctx) + ")";
                return;
            }
            case ExprKind::Subscript: {
                auto* s = e->as<Subscript>();
                out += "Subscript(value=";
                expr(s->value);
                out += ", slice=";
                expr(s->slice);
                out += std::string(", ctx=") + ctx_name(s->ctx) + ")";
                return;
            }
            case ExprKind::Starred:
                out += "Starred(value=";
                expr(e->as<Starred>()->value);
                out += std::string(", ctx=") + ctx_name(e->ctx) + ")";
                return;
            case ExprKind::Slice: {
                auto* s = e->as<Slice>();
                out += "Slice(";
                const char* sep = "";
                if (s->lower) { out += "lower="; expr(s->lower); sep = ", "; }
                if (s->upper) { out += sep; out += "upper="; expr(s->upper); sep = ", "; }
                if (s->step) { out += sep; out += "step="; expr(s->step); }
                out += ")";
                return;
            }
        }
    }

    void list(const std::vector<Expr*>& v) {
        out += "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            expr(v[i]);
        }
        out += "]";
    }

    void comp(const char* name, const Expr* a, const Expr* b, const std::vector<Comprehension*>& gens) {
        out += name;
        out += b ? "(key=" : "(elt=";
        expr(a);
        if (b) {
            out += ", value=";
            expr(b);
        }
        out += ", generators=[";
        for (std::size_t i = 0; i < gens.size(); ++i) {
            if (i) out += ", ";
            out += "comprehension(target=";
            expr(gens[i]->target);
            out += ", iter=";
            expr(gens[i]->iter);
            out += ", ifs=";
            list(gens[i]->ifs);
            out += std::string(", is_async=") + (gens[i]->is_async ? "1" : "0") + ")";
        }
        out += "])";
    }

    void keywords(const std::vector<Keyword*>& ks) {
        out += "[";
        for (std::size_t i = 0; i < ks.size(); ++i) {
            if (i) out += ", ";
            out += "keyword(";
            if (!ks[i]->arg.empty()) out += "arg=" + str_repr(ks[i]->arg) + ", ";
            out += "value=";
            expr(ks[i]->value);
            out += ")";
            located(ks[i]->span);
        }
        out += "]";
    }

    void arg(const Arg* a) {
        out += "arg(arg=" + str_repr(a->name);
        if (a->annotation) {
            out += ", annotation=";
            expr(a->annotation);
        }
        out += ")";
        located(a->span);
    }
    void args(const std::vector<Arg*>& v) {
        out += "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            arg(v[i]);
        }
        out += "]";
    }
    void arguments(const Arguments& a) {
        out += "arguments(posonlyargs=";
        args(a.posonlyargs);
        out += ", args=";
        args(a.args);
        if (a.vararg) {
            out += ", vararg=";
            arg(a.vararg);
        }
        out += ", kwonlyargs=";
        args(a.kwonlyargs);
        out += ", kw_defaults=";
        list(a.kw_defaults);
        if (a.kwarg) {
            out += ", kwarg=";
            arg(a.kwarg);
        }
        out += ", defaults=";
        list(a.defaults);
        out += ")";
    }

    void body(const Body& b) {
        out += "[";
        for (std::size_t i = 0; i < b.size(); ++i) {
            if (i) out += ", ";
            stmt(b[i]);
        }
        out += "]";
    }

    void names(const std::vector<std::string>& v) {
        out += "[";
        for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + str_repr(v[i]);
        out += "]";
    }

    void aliases(const std::vector<Alias*>& v) {
        out += "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            out += "alias(name=" + str_repr(v[i]->name);
            if (!v[i]->asname.empty()) out += ", asname=" + str_repr(v[i]->asname);
            out += ")";
            located(v[i]->span);
        }
        out += "]";
    }

    void stmt(const Stmt* s) {
        stmt_fields(s);
        located(s->span);
    }

    void stmt_fields(const Stmt* s) {
        switch (s->kind) {
            case StmtKind::FunctionDef: {
                auto* f = s->as<FunctionDef>();
                out += f->is_async ? "AsyncFunctionDef(name=" : "FunctionDef(name=";
                out += str_repr(f->name) + ", args=";
                arguments(*f->args);
                out += ", body=";
                body(f->body);
                out += ", decorator_list=";
                list(f->decorators);
                if (f->returns) {
                    out += ", returns=";
                    expr(f->returns);
                }
                out += ")";
                return;
            }
            case StmtKind::ClassDef: {
                auto* c = s->as<ClassDef>();
                out += "ClassDef(name=" + str_repr(c->name) + ", bases=";
                list(c->bases);
                out += ", keywords=";
                keywords(c->keywords);
                out += ", body=";
                body(c->body);
                out += ", decorator_list=";
                list(c->decorators);
                out += ")";
                return;
            }
            case StmtKind::Return:
                out += "Return(";
                if (s->as<Return>()->value) {
                    out += "value=";
                    expr(s->as<Return>()->value);
                }
                out += ")";
                return;
            case StmtKind::Delete:
                out += "Delete(targets=";
                list(s->as<Delete>()->targets);
                out += ")";
                return;
            case StmtKind::Assign:
                out += "Assign(targets=";
                list(s->as<Assign>()->targets);
                out += ", value=";
                expr(s->as<Assign>()->value);
                out += ")";
                return;
            case StmtKind::AugAssign: {
                auto* a = s->as<AugAssign>();
                out += "AugAssign(target=";
                expr(a->target);
                out += std::string(", op=") + binop_name(a->op) + "(), value=";
                expr(a->value);
                out += ")";
                return;
            }
            case StmtKind::AnnAssign: {
                auto* a = s->as<AnnAssign>();
                out += "AnnAssign(target=";
                expr(a->target);
                out += ", annotation=";
                expr(a->annotation);
                if (a->value) {
                    out += ", value=";
                    expr(a->value);
                }
                out += std::string(", simple=") + (a->simple ? "1" : "0") + ")";
                return;
            }
            case StmtKind::For: {
                auto* f = s->as<For>();
                out += f->is_async ? "AsyncFor(target=" : "For(target=";
                expr(f->target);
                out += ", iter=";
                expr(f->iter);
                out += ", body=";
                body(f->body);
                out += ", orelse=";
                body(f->orelse);
                out += ")";
                return;
            }
            case StmtKind::While: {
                auto* w = s->as<While>();
                out += "While(test=";
                expr(w->test);
                out += ", body=";
                body(w->body);
                out += ", orelse=";
                body(w->orelse);
                out += ")";
                return;
            }
            case StmtKind::If: {
                auto* i = s->as<If>();
                out += "If(test=";
                expr(i->test);
                out += ", body=";
                body(i->body);
                out += ", orelse=";
                body(i->orelse);
                out += ")";
                return;
            }
            case StmtKind::With: {
                auto* w = s->as<With>();
                out += w->is_async ? "AsyncWith(items=[" : "With(items=[";
                for (std::size_t k = 0; k < w->items.size(); ++k) {
                    if (k) out += ", ";
                    out += "withitem(context_expr=";
                    expr(w->items[k]->context_expr);
                    if (w->items[k]->optional_vars) {
                        out += ", optional_vars=";
                        expr(w->items[k]->optional_vars);
                    }
                    out += ")";
                }
                out += "], body=";
                body(w->body);
                out += ")";
                return;
            }
            case StmtKind::Raise: {
                auto* r = s->as<Raise>();
                out += "Raise(";
                if (r->exc) {
                    out += "exc=";
                    expr(r->exc);
                }
                if (r->cause) {
                    out += ", cause=";
                    expr(r->cause);
                }
                out += ")";
                return;
            }
            case StmtKind::Try: {
                auto* t = s->as<Try>();
                out += t->is_star ? "TryStar(body=" : "Try(body=";
                body(t->body);
                out += ", handlers=[";
                for (std::size_t k = 0; k < t->handlers.size(); ++k) {
                    const ExceptHandler* h = t->handlers[k];
                    if (k) out += ", ";
                    out += "ExceptHandler(";
                    if (h->type) {
                        out += "type=";
                        expr(h->type);
                        out += ", ";
                    }
                    if (!h->name.empty()) out += "name=" + str_repr(h->name) + ", ";
                    out += "body=";
                    body(h->body);
                    out += ")";
                    located(h->span);
                }
                out += "], orelse=";
                body(t->orelse);
                out += ", finalbody=";
                body(t->finalbody);
                out += ")";
                return;
            }
            case StmtKind::Assert: {
                auto* a = s->as<Assert>();
                out += "Assert(test=";
                expr(a->test);
                if (a->msg) {
                    out += ", msg=";
                    expr(a->msg);
                }
                out += ")";
                return;
            }
            case StmtKind::Import:
                out += "Import(names=";
                aliases(s->as<Import>()->names);
                out += ")";
                return;
            case StmtKind::ImportFrom: {
                auto* i = s->as<ImportFrom>();
                out += "ImportFrom(";
                if (!i->module.empty()) out += "module=" + str_repr(i->module) + ", ";
                out += "names=";
                aliases(i->names);
                out += ", level=" + std::to_string(i->level) + ")";
                return;
            }
            case StmtKind::Global:
                out += "Global(names=";
                names(s->as<Global>()->names);
                out += ")";
                return;
            case StmtKind::Nonlocal:
                out += "Nonlocal(names=";
                names(s->as<Nonlocal>()->names);
                out += ")";
                return;
            case StmtKind::ExprStmt:
                out += "Expr(value=";
                expr(s->as<ExprStmt>()->value);
                out += ")";
                return;
            case StmtKind::Pass: out += "Pass()"; return;
            case StmtKind::Break: out += "Break()"; return;
            case StmtKind::Continue: out += "Continue()"; return;
        }
    }
};

}  // namespace

std::string dump(const Module& m, bool positions) {
    Dumper d;
    d.positions = positions;
    d.out += "Module(body=";
    d.body(m.body);
    d.out += ", type_ignores=[])";
    return d.out;
}

std::string dump(const Expr& e) {
    Dumper d;
    d.expr(&e);
    return d.out;
}

std::string dump(const Stmt& s) {
    Dumper d;
    d.stmt(&s);
    return d.out;
}

}  // namespace corolab::lang

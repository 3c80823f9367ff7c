// The scenario language's abstract syntax tree: the parser's output, the
// scope pass's input, the compiler's input. Shapes follow CPython's `ast`
// module (same node names and fields) so its documentation applies.
//
// Ownership: every node is allocated in the Arena of the ParseResult that
// produced it (see parser.hpp) and lives as long as that result. Node pointers
// are never null unless the field says "may be null".
//
// Dispatch: every node has a `kind`; use `node->as<T>()` (checked in debug
// builds) or `static_cast` after switching on `kind`.
#pragma once

#include <cassert>
#include <cstdint>
#include <string>
#include <vector>

namespace corolab::lang {

struct Scope;  // scope.hpp: filled in by analyze_scopes()

// Upper bound on Expr::depth for any parsed expression (deeper input is a
// SyntaxError), so passes may recurse over expressions without overflowing
// the native or Wasm stack. Statement nesting is bounded by CPython's limit
// of 100 indentation levels.
inline constexpr int kMaxExprDepth = 500;

// Source range of a node: 1-based line, 1-based character column (CPython's
// SyntaxError `offset` convention; CPython's ast.col_offset is this minus 1),
// end exclusive.
struct Span {
    int line = 0, col = 0, end_line = 0, end_col = 0;
};

// ---------------------------------------------------------------- expressions

enum class ExprKind : std::uint8_t {
    Name, Constant, JoinedStr, FormattedValue,
    BoolOp, BinOp, UnaryOp, Compare, IfExp, Lambda,
    Dict, Set, List, Tuple,
    ListComp, SetComp, DictComp, GeneratorExp,
    Await, Yield, YieldFrom, NamedExpr,
    Call, Attribute, Subscript, Starred, Slice,
};

// How an expression is used: read, assigned to, or deleted. Set on Name,
// Attribute, Subscript, Starred, List and Tuple.
enum class Ctx : std::uint8_t { Load, Store, Del };

struct Expr {
    ExprKind kind;
    Ctx ctx = Ctx::Load;
    std::uint16_t depth = 1;  // height of this subtree; the parser keeps it
                              // <= kMaxExprDepth, so recursive walks are bounded
    Span span;
    explicit Expr(ExprKind k) : kind(k) {}
    template <class T> T* as() { assert(kind == T::kKind); return static_cast<T*>(this); }
    template <class T> const T* as() const { assert(kind == T::kKind); return static_cast<const T*>(this); }
};

struct Name : Expr {
    static constexpr ExprKind kKind = ExprKind::Name;
    std::string id;
    Name() : Expr(kKind) {}
};

// A literal. Ints keep their digits as text (arbitrary size; no sign, no
// underscores, no prefix) plus the base; floats keep the source text
// (underscores removed, so std::strtod / the num library can read it) and
// its value; strings are UTF-8 with escapes already decoded, adjacent
// literals already joined.
struct Constant : Expr {
    static constexpr ExprKind kKind = ExprKind::Constant;
    enum class Type : std::uint8_t { None, True, False, Ellipsis, Int, Float, Str, Bytes };
    Type type = Type::None;
    std::string text;   // Int: digits in `base`; Float: literal text; Str: the value; Bytes: the bytes
    int base = 10;      // Int only: 2, 8, 10 or 16
    double number = 0;  // Float only
    Constant() : Expr(kKind) {}
};

// f-string: `values` are Constant(Str) pieces and FormattedValue fields, in
// order. A plain literal concatenated with an f-string becomes part of it.
struct JoinedStr : Expr {
    static constexpr ExprKind kKind = ExprKind::JoinedStr;
    std::vector<Expr*> values;
    JoinedStr() : Expr(kKind) {}
};

// One `{value!conv:spec}` field. `f"{x=}"` is expanded as CPython does: a
// Constant "x=" piece before it and conversion 'r' unless one is given.
struct FormattedValue : Expr {
    static constexpr ExprKind kKind = ExprKind::FormattedValue;
    Expr* value = nullptr;
    char conversion = 0;             // 0 (none), 's', 'r' or 'a'
    JoinedStr* format_spec = nullptr;  // may be null; may itself hold fields
    FormattedValue() : Expr(kKind) {}
};

enum class BoolOpKind : std::uint8_t { And, Or };
struct BoolOp : Expr {  // `a and b and c`: values has >= 2 entries
    static constexpr ExprKind kKind = ExprKind::BoolOp;
    BoolOpKind op = BoolOpKind::And;
    std::vector<Expr*> values;
    BoolOp() : Expr(kKind) {}
};

enum class BinOpKind : std::uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv,
};
struct BinOp : Expr {
    static constexpr ExprKind kKind = ExprKind::BinOp;
    Expr* left = nullptr;
    BinOpKind op = BinOpKind::Add;
    Expr* right = nullptr;
    BinOp() : Expr(kKind) {}
};

enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
struct UnaryOp : Expr {
    static constexpr ExprKind kKind = ExprKind::UnaryOp;
    UnaryOpKind op = UnaryOpKind::Not;
    Expr* operand = nullptr;
    UnaryOp() : Expr(kKind) {}
};

enum class CmpOpKind : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
// `a < b <= c`: left = a, ops = {Lt, LtE}, comparators = {b, c}.
struct Compare : Expr {
    static constexpr ExprKind kKind = ExprKind::Compare;
    Expr* left = nullptr;
    std::vector<CmpOpKind> ops;
    std::vector<Expr*> comparators;  // same length as ops
    Compare() : Expr(kKind) {}
};

struct IfExp : Expr {  // `body if test else orelse`
    static constexpr ExprKind kKind = ExprKind::IfExp;
    Expr* test = nullptr;
    Expr* body = nullptr;
    Expr* orelse = nullptr;
    IfExp() : Expr(kKind) {}
};

// A parameter. `annotation` is parsed and kept (may be null) but has no meaning.
struct Arg {
    std::string name;
    Expr* annotation = nullptr;
    Span span;
};

// A parameter list, as CPython's ast.arguments:
//   def f(a, b=1, /, c=2, *args, d, e=3, **kw)
//   posonlyargs = [a, b], args = [c], defaults = [1, 2] (for the LAST
//   len(defaults) of posonlyargs+args), vararg = args, kwonlyargs = [d, e],
//   kw_defaults = [null, 3] (same length as kwonlyargs), kwarg = kw.
struct Arguments {
    std::vector<Arg*> posonlyargs;
    std::vector<Arg*> args;
    Arg* vararg = nullptr;  // may be null
    std::vector<Arg*> kwonlyargs;
    std::vector<Expr*> kw_defaults;  // entries may be null (no default)
    Arg* kwarg = nullptr;  // may be null
    std::vector<Expr*> defaults;
};

struct Lambda : Expr {
    static constexpr ExprKind kKind = ExprKind::Lambda;
    Arguments* args = nullptr;
    Expr* body = nullptr;
    Scope* scope = nullptr;  // set by analyze_scopes()
    Lambda() : Expr(kKind) {}
};

// `{k: v, **m}`: keys[i] is null where values[i] is a `**m` unpacking.
struct Dict : Expr {
    static constexpr ExprKind kKind = ExprKind::Dict;
    std::vector<Expr*> keys;
    std::vector<Expr*> values;
    Dict() : Expr(kKind) {}
};

struct Set : Expr {  // elements may be Starred
    static constexpr ExprKind kKind = ExprKind::Set;
    std::vector<Expr*> elts;
    Set() : Expr(kKind) {}
};

struct List : Expr {  // elements may be Starred; ctx Store when a target
    static constexpr ExprKind kKind = ExprKind::List;
    std::vector<Expr*> elts;
    List() : Expr(kKind) {}
};

struct Tuple : Expr {  // elements may be Starred; ctx Store when a target
    static constexpr ExprKind kKind = ExprKind::Tuple;
    std::vector<Expr*> elts;
    Tuple() : Expr(kKind) {}
};

// One `for target in iter if cond...` clause of a comprehension.
struct Comprehension {
    Expr* target = nullptr;  // ctx Store
    Expr* iter = nullptr;
    std::vector<Expr*> ifs;
    bool is_async = false;
};

// List/Set/Generator comprehensions share this shape. The first clause's
// `iter` is evaluated in the enclosing scope; everything else runs in the
// comprehension's own scope (`scope`, set by analyze_scopes()).
struct ListComp : Expr {
    static constexpr ExprKind kKind = ExprKind::ListComp;
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;  // at least one
    Scope* scope = nullptr;
    ListComp() : Expr(kKind) {}
};
struct SetComp : Expr {
    static constexpr ExprKind kKind = ExprKind::SetComp;
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
    Scope* scope = nullptr;
    SetComp() : Expr(kKind) {}
};
struct GeneratorExp : Expr {
    static constexpr ExprKind kKind = ExprKind::GeneratorExp;
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
    Scope* scope = nullptr;
    GeneratorExp() : Expr(kKind) {}
};
struct DictComp : Expr {
    static constexpr ExprKind kKind = ExprKind::DictComp;
    Expr* key = nullptr;
    Expr* value = nullptr;
    std::vector<Comprehension*> generators;
    Scope* scope = nullptr;
    DictComp() : Expr(kKind) {}
};

struct Await : Expr {
    static constexpr ExprKind kKind = ExprKind::Await;
    Expr* value = nullptr;
    Await() : Expr(kKind) {}
};
struct Yield : Expr {
    static constexpr ExprKind kKind = ExprKind::Yield;
    Expr* value = nullptr;  // may be null
    Yield() : Expr(kKind) {}
};
struct YieldFrom : Expr {
    static constexpr ExprKind kKind = ExprKind::YieldFrom;
    Expr* value = nullptr;
    YieldFrom() : Expr(kKind) {}
};

// `target := value` (an assignment expression); target is a Name, ctx Store.
struct NamedExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::NamedExpr;
    Expr* target = nullptr;
    Expr* value = nullptr;
    NamedExpr() : Expr(kKind) {}
};
// `f(a, *b, k=c, **d)`: keyword.arg is "" for a `**d` unpacking.
struct Keyword {
    std::string arg;
    Expr* value = nullptr;
    Span span;
};
struct Call : Expr {
    static constexpr ExprKind kKind = ExprKind::Call;
    Expr* func = nullptr;
    std::vector<Expr*> args;  // may hold Starred (`*b`); a lone generator
                              // argument `f(x for x in y)` is a GeneratorExp
    std::vector<Keyword*> keywords;
    Call() : Expr(kKind) {}
};

struct Attribute : Expr {
    static constexpr ExprKind kKind = ExprKind::Attribute;
    Expr* value = nullptr;
    std::string attr;
    Attribute() : Expr(kKind) {}
};

// `a[i]`, `a[i:j:k]` (slice is a Slice), `a[i, j:k]` (slice is a Tuple).
struct Subscript : Expr {
    static constexpr ExprKind kKind = ExprKind::Subscript;
    Expr* value = nullptr;
    Expr* slice = nullptr;
    Subscript() : Expr(kKind) {}
};

struct Starred : Expr {  // `*x` in a call, display or assignment target
    static constexpr ExprKind kKind = ExprKind::Starred;
    Expr* value = nullptr;
    Starred() : Expr(kKind) {}
};

struct Slice : Expr {  // only inside Subscript.slice (possibly in a Tuple)
    static constexpr ExprKind kKind = ExprKind::Slice;
    Expr* lower = nullptr;  // each may be null
    Expr* upper = nullptr;
    Expr* step = nullptr;
    Slice() : Expr(kKind) {}
};

// ----------------------------------------------------------------- statements

enum class StmtKind : std::uint8_t {
    FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
    For, While, If, With, Raise, Try, Assert, Import, ImportFrom,
    Global, Nonlocal, ExprStmt, Pass, Break, Continue,
};

struct Stmt {
    StmtKind kind;
    Span span;
    explicit Stmt(StmtKind k) : kind(k) {}
    template <class T> T* as() { assert(kind == T::kKind); return static_cast<T*>(this); }
    template <class T> const T* as() const { assert(kind == T::kKind); return static_cast<const T*>(this); }
};

using Body = std::vector<Stmt*>;  // a block: never empty once parsed

// `def` and `async def`. Decorators apply bottom-up (last in the list first).
struct FunctionDef : Stmt {
    static constexpr StmtKind kKind = StmtKind::FunctionDef;
    std::string name;  // the name bound; analyze_scopes() mangles `__x` inside a
                       // class, and scope->name keeps the name as written (__name__)
    Arguments* args = nullptr;
    Body body;
    std::vector<Expr*> decorators;
    Expr* returns = nullptr;  // annotation, may be null, no meaning
    bool is_async = false;
    Scope* scope = nullptr;  // set by analyze_scopes()
    FunctionDef() : Stmt(kKind) {}
};

struct ClassDef : Stmt {
    static constexpr StmtKind kKind = StmtKind::ClassDef;
    std::string name;  // the name bound (see FunctionDef::name)
    std::vector<Expr*> bases;  // may hold Starred
    std::vector<Keyword*> keywords;
    Body body;
    std::vector<Expr*> decorators;
    Scope* scope = nullptr;
    ClassDef() : Stmt(kKind) {}
};

struct Return : Stmt {
    static constexpr StmtKind kKind = StmtKind::Return;
    Expr* value = nullptr;  // may be null
    Return() : Stmt(kKind) {}
};

struct Delete : Stmt {
    static constexpr StmtKind kKind = StmtKind::Delete;
    std::vector<Expr*> targets;  // ctx Del
    Delete() : Stmt(kKind) {}
};

// `a = b = value`: targets = {a, b} (ctx Store), assigned left to right.
struct Assign : Stmt {
    static constexpr StmtKind kKind = StmtKind::Assign;
    std::vector<Expr*> targets;
    Expr* value = nullptr;
    Assign() : Stmt(kKind) {}
};

struct AugAssign : Stmt {  // `target op= value`; target is Name/Attribute/Subscript
    static constexpr StmtKind kKind = StmtKind::AugAssign;
    Expr* target = nullptr;
    BinOpKind op = BinOpKind::Add;
    Expr* value = nullptr;
    AugAssign() : Stmt(kKind) {}
};

// `target: annotation [= value]`. `simple` is true for a bare name target.
// Without a value it only declares (a Name target is still local to its function).
struct AnnAssign : Stmt {
    static constexpr StmtKind kKind = StmtKind::AnnAssign;
    Expr* target = nullptr;
    Expr* annotation = nullptr;
    Expr* value = nullptr;  // may be null
    bool simple = false;
    AnnAssign() : Stmt(kKind) {}
};

struct For : Stmt {  // also `async for`
    static constexpr StmtKind kKind = StmtKind::For;
    Expr* target = nullptr;
    Expr* iter = nullptr;
    Body body;
    Body orelse;  // may be empty
    bool is_async = false;
    For() : Stmt(kKind) {}
};

struct While : Stmt {
    static constexpr StmtKind kKind = StmtKind::While;
    Expr* test = nullptr;
    Body body;
    Body orelse;  // may be empty
    While() : Stmt(kKind) {}
};

// `elif` is an If nested as the only statement of `orelse`.
struct If : Stmt {
    static constexpr StmtKind kKind = StmtKind::If;
    Expr* test = nullptr;
    Body body;
    Body orelse;  // may be empty
    If() : Stmt(kKind) {}
};

struct WithItem {
    Expr* context_expr = nullptr;
    Expr* optional_vars = nullptr;  // may be null; ctx Store
};
struct With : Stmt {  // also `async with`; items entered left to right
    static constexpr StmtKind kKind = StmtKind::With;
    std::vector<WithItem*> items;
    Body body;
    bool is_async = false;
    With() : Stmt(kKind) {}
};

struct Raise : Stmt {
    static constexpr StmtKind kKind = StmtKind::Raise;
    Expr* exc = nullptr;    // may be null (bare `raise`)
    Expr* cause = nullptr;  // may be null; `raise exc from cause`
    Raise() : Stmt(kKind) {}
};

struct ExceptHandler {
    Expr* type = nullptr;  // may be null (bare `except:`)
    std::string name;      // "" unless `except E as name`
    Body body;
    Span span;
};
struct Try : Stmt {
    static constexpr StmtKind kKind = StmtKind::Try;
    Body body;
    std::vector<ExceptHandler*> handlers;
    Body orelse;     // may be empty
    Body finalbody;  // may be empty
    bool is_star = false;  // `except*` clauses (PEP 654); a try has only one kind
    Try() : Stmt(kKind) {}
};

struct Assert : Stmt {
    static constexpr StmtKind kKind = StmtKind::Assert;
    Expr* test = nullptr;
    Expr* msg = nullptr;  // may be null
    Assert() : Stmt(kKind) {}
};

struct Alias {  // `name as asname`; name may be dotted ("a.b")
    std::string name;
    std::string asname;  // "" when absent
    Span span;
};
struct Import : Stmt {
    static constexpr StmtKind kKind = StmtKind::Import;
    std::vector<Alias*> names;
    Import() : Stmt(kKind) {}
};
struct ImportFrom : Stmt {  // `from ..module import a as b`; `import *` is name "*"
    static constexpr StmtKind kKind = StmtKind::ImportFrom;
    std::string module;  // may be "" for `from . import x`
    std::vector<Alias*> names;
    int level = 0;  // number of leading dots
    ImportFrom() : Stmt(kKind) {}
};

struct Global : Stmt {
    static constexpr StmtKind kKind = StmtKind::Global;
    std::vector<std::string> names;
    Global() : Stmt(kKind) {}
};
struct Nonlocal : Stmt {
    static constexpr StmtKind kKind = StmtKind::Nonlocal;
    std::vector<std::string> names;
    Nonlocal() : Stmt(kKind) {}
};

struct ExprStmt : Stmt {  // CPython's ast.Expr
    static constexpr StmtKind kKind = StmtKind::ExprStmt;
    Expr* value = nullptr;
    ExprStmt() : Stmt(kKind) {}
};

struct Pass : Stmt {
    static constexpr StmtKind kKind = StmtKind::Pass;
    Pass() : Stmt(kKind) {}
};
struct Break : Stmt {
    static constexpr StmtKind kKind = StmtKind::Break;
    Break() : Stmt(kKind) {}
};
struct Continue : Stmt {
    static constexpr StmtKind kKind = StmtKind::Continue;
    Continue() : Stmt(kKind) {}
};

struct Module {
    Body body;  // may be empty (empty file)
    Scope* scope = nullptr;  // set by analyze_scopes()
};

// Debug dump in CPython's ast.dump() style (no positions), e.g.
// "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[...], keywords=[]))])".
// Matches `ast.dump(ast.parse(src))` for the supported subset, so tests can
// compare against CPython. With `positions`, adds the location attributes as
// ast.dump(..., include_attributes=True) does (equal to CPython's for ASCII
// text; CPython counts columns in UTF-8 bytes, corolab in characters).
// Defined in ast_dump.cpp.
std::string dump(const Module& m, bool positions = false);
std::string dump(const Expr& e);
std::string dump(const Stmt& s);

}  // namespace corolab::lang

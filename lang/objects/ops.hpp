// Generic operations on Values, with Python's semantics. Every function that
// can raise returns Null (or false / -1) with the exception pending in the
// Runtime.
#pragma once

#include <string>
#include <vector>

#include "lang/front/ast.hpp"
#include "lang/vm/budget.hpp"
#include "lang/objects/runtime.hpp"

namespace corolab::lang {

// text conversions
bool append_repr(std::string& out, const Value& v);
bool append_str(std::string& out, const Value& v);
Value repr_of(const Value& v);
Value str_of(const Value& v);
std::string type_name(const Value& v);
// "module.qualname" as <class '...'> shows it (no module for builtins).
std::string class_path(ClassObj* c);
// object.__repr__: "<module.qualname object at 0x7f0000000000>" (one fixed
// address: addresses differ from run to run in CPython).
std::string default_repr(const Value& v);

int truthy(const Value& v);                     // 1, 0, -1 (raised)
bool hash_of(const Value& v, std::int64_t& h);  // false: raised (unhashable)
int equals(const Value& a, const Value& b);     // 1, 0, -1 (raised)

Value binary_op(BinOpKind op, const Value& a, const Value& b, bool inplace = false);
// `a op= b` where `a` is a big int no one else can see (the VM checks that
// only the local it is stored back to and the stack hold it): for + - * by
// an int, a result still too big for 64 bits replaces a's value in place
// and `a` is returned (no new object); otherwise binary_op(op, a, b, true).
Value inplace_big_op(BinOpKind op, const Value& a, const Value& b);
Value compare_op(CmpOpKind op, const Value& a, const Value& b);
int less_than(const Value& a, const Value& b);  // for sorting: 1, 0, -1 (raised)
Value unary_op(UnaryOpKind op, const Value& v);
int contains(const Value& container, const Value& item);  // 1, 0, -1

Value get_iter(const Value& v);
// Next item; Null without pending exception when exhausted.
Value iter_next(const Value& it);
// Collects an iterable into `out`; false when raised.
bool collect(const Value& iterable, std::vector<Value>& out);

Value getattr(const Value& obj, StrObj* name);
// As getattr, but a missing attribute returns Null with no exception pending.
Value getattr_opt(const Value& obj, StrObj* name);
bool setattr(const Value& obj, StrObj* name, const Value& v);
bool delattr(const Value& obj, StrObj* name);
// `attr` found on `owner` (the type of `self`) bound to `self`: functions
// become methods, classmethods bind the type, properties are called.
Value bind_descriptor(const Value& attr, const Value& self, ClassObj* owner, bool& ok);
// A special method looked up on the type only (Null if absent).
Value lookup_special(const Value& obj, StrObj* name);

Value getitem(const Value& obj, const Value& key);
bool setitem(const Value& obj, const Value& key, const Value& v);
bool delitem(const Value& obj, const Value& key);

// Calls any callable (runs Python code to completion on the current thread).
Value call(const Value& f, Value* args, int nargs, const CallArgs& kw = CallArgs{});
Value call0(const Value& f);
Value call1(const Value& f, const Value& a);
Value call2(const Value& f, const Value& a, const Value& b);

// Budgets one operation whose work grows with its operands (big ints,
// repetition, copies): the `bytes` it is about to allocate must fit the
// memory budget, and `steps` extra steps are charged. Both saturate. False:
// a budget ran out (the run's fatal state is set; return Null).
bool charge_work(std::uint64_t bytes, std::uint64_t steps);
// The same for an operation producing a big int of `bits` bits after
// `limb_ops` 32-bit limb operations.
bool charge_bigint(std::uint64_t bits, std::uint64_t limb_ops);
// One step for each item a builtin takes from an iterator in C++ (sum, all,
// `in`, collecting into a list...): range(10**18) ends on the step budget.
inline bool charge_item() { return charge_steps(1); }

// False with CPython's TypeError when nargs is outside [lo, hi] (builtins.cpp).
bool check_args(const char* name, int nargs, int lo, int hi);

// types.UnionType (union_type.cpp): `a | b` of classes, None and unions;
// Null without an exception when an operand is none of those.
Value union_or(const Value& a, const Value& b);
// The members of a UnionType value (NoneType for None); null for other values.
const std::vector<Value>* union_args(const Value& v);

// index helpers
bool to_index(const Value& v, std::int64_t& out);  // int-like; raises TypeError
bool to_double(const Value& v, double& out);       // int or float; raises TypeError
bool is_int_like(const Value& v);                  // int, bool or BigInt

// dict primitives (dict.cpp)
Value dict_get(DictObj* d, const Value& key);  // Null if absent (check has_exc())
Value dict_get_str(DictObj* d, StrObj* key);   // fast path for interned names
std::int32_t dict_find_str(DictObj* d, StrObj* key);  // entry position, or -1
bool dict_set(DictObj* d, const Value& key, const Value& value);
int dict_del(DictObj* d, const Value& key);  // 1 removed, 0 absent, -1 raised
void dict_set_str(DictObj* d, std::string_view key, const Value& value);
std::int64_t str_hash(const StrObj* s);

// set primitives (set.cpp)
bool set_add(SetObj* s, const Value& v);
int set_contains(SetObj* s, const Value& v);
// Items in CPython's iteration order (see dict.cpp).
std::vector<Value> set_items_ordered(SetObj* s);

// int helpers
Value make_int(std::int64_t v);
const num::BigInt* bigint_of(const Value& v);  // null unless BigInt object
num::BigInt to_bigint(const Value& v);         // int/bool/BigInt

// str helpers (str.cpp)
std::string repr_string(std::string_view s);
Value str_index(StrObj* s, std::int64_t i);  // code point i (normalized)
Value str_slice(StrObj* s, std::int64_t start, std::int64_t stop, std::int64_t step);
std::int64_t utf8_length(std::string_view s, bool& ascii);
std::string utf8_prefix(std::string_view s, std::size_t code_points);  // the first code points, as C's %.Ns of a str
bool is_ws(char c);  // ASCII whitespace, as str.split()/strip() and bytes use it
// s split at runs of whitespace, at most `maxsplit` times (-1: no limit): split() without a separator
std::vector<std::string> split_whitespace(const std::string& s, std::int64_t maxsplit);

// slices: normalizes against `len` like PySlice_AdjustIndices; returns count
bool slice_indices(SliceObj* s, std::int64_t len, std::int64_t& start, std::int64_t& stop,
                   std::int64_t& step, std::int64_t& count);

}  // namespace corolab::lang

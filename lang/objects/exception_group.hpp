// ExceptionGroup operations (PEP 654): split / subgroup / derive and the two
// steps of `except*` (matching a clause, assembling what is re-raised).
// Each function that can raise returns false / Null with the exception pending.
#pragma once

#include <vector>

#include "lang/objects/runtime.hpp"

namespace corolab::lang {

bool is_exception_group(const Value& v);

// BaseExceptionGroup(message, excs), made an ExceptionGroup when every item is
// an Exception (as BaseExceptionGroup.__new__ does). No validation.
Value make_exception_group(Value message, std::vector<Value> excs);

// One `except* type` clause (CPython's CHECK_EG_MATCH). `exc` is the part not
// yet handled (None when all of it was). On a match, `match` is the handled
// part (a naked exception is wrapped in ExceptionGroup("", [exc])) and `rest`
// what is left (None if nothing); otherwise `match` is None and `rest` is exc.
bool except_star_match(const Value& exc, const Value& type, Value& match, Value& rest);

// What a try/except* re-raises (CPython's _PyExc_PrepReraiseStar): `excs`
// holds what each handler raised and, last, the unhandled rest (None items
// are skipped). Re-raised parts keep orig's nesting; new ones are grouped
// with them in ExceptionGroup(""). Returns None if nothing is left.
Value prep_reraise_star(const Value& orig, const std::vector<Value>& excs);

// Adds split, subgroup and derive to BaseExceptionGroup.
void init_exception_group_methods();

}  // namespace corolab::lang

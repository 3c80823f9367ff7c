// ExceptionGroup operations, after CPython 3.11's Objects/exceptions.c.
#include "lang/objects/exception_group.hpp"

#include <unordered_set>

#include "lang/objects/objects.hpp"
#include "lang/objects/ops.hpp"

namespace corolab::lang {

namespace {

ExceptionObj* as_exc(const Value& v) { return static_cast<ExceptionObj*>(v.o); }

const std::vector<Value>& members(const Value& eg) {
    return static_cast<TupleObj*>(as_exc(eg)->exceptions.o)->items;
}

// What split() tests each exception (and each nested group) with.
struct Matcher {
    enum class Kind { Type, Predicate, Ids } kind;
    Value cond;                                    // Type: class or tuple; Predicate: callable
    const std::unordered_set<const Object*>* ids = nullptr;  // Ids: leaf exceptions to keep
};

bool is_exception_class(const Value& v) {
    return is_kind(v, Kind::Class) && static_cast<ClassObj*>(v.o)->is_exception;
}

// Reads split()'s argument; false (TypeError raised) if it is none of the three forms.
bool make_matcher(const Value& cond, Matcher& m) {
    if (is_exception_class(cond)) { m = {Matcher::Kind::Type, cond}; return true; }
    if (is_kind(cond, Kind::Tuple)) {
        bool all = true;
        for (const Value& t : static_cast<TupleObj*>(cond.o)->items) all = all && is_exception_class(t);
        if (all) { m = {Matcher::Kind::Type, cond}; return true; }
    } else if (is_kind(cond, Kind::Function) || is_kind(cond, Kind::Builtin) || is_kind(cond, Kind::Method) ||
               (!is_kind(cond, Kind::Class) && !lookup_special(cond, rt().intern("__call__")).is_null())) {
        m = {Matcher::Kind::Predicate, cond};
        return true;
    }
    raise(T.TypeError, "expected an exception type, a tuple of exception types, or a callable (other than a class)");
    return false;
}

int matches(const Matcher& m, const Value& exc) {  // 1, 0, -1 (raised)
    switch (m.kind) {
        case Matcher::Kind::Type: {
            if (is_kind(m.cond, Kind::Tuple)) {
                for (const Value& t : static_cast<TupleObj*>(m.cond.o)->items)
                    if (exc_matches(exc, static_cast<ClassObj*>(t.o))) return 1;
                return 0;
            }
            return exc_matches(exc, static_cast<ClassObj*>(m.cond.o)) ? 1 : 0;
        }
        case Matcher::Kind::Predicate: {
            Value r = call1(m.cond, exc);
            return r.is_null() ? -1 : truthy(r);
        }
        case Matcher::Kind::Ids: return m.ids->count(exc.o) ? 1 : 0;
    }
    return 0;
}

// eg.derive(excs) with eg's traceback, cause and context copied (as split does).
Value derive_with_metadata(const Value& eg, std::vector<Value> excs) {
    Value derive = getattr(eg, rt().intern("derive"));
    if (derive.is_null()) return Value();
    Value r = call1(derive, list_value(std::move(excs)));
    if (r.is_null()) return r;
    if (!is_exception_group(r)) return raise(T.TypeError, "derive must return an instance of BaseExceptionGroup");
    ExceptionObj* src = as_exc(eg);
    ExceptionObj* dst = as_exc(r);
    dst->traceback = src->traceback;
    dst->cause = src->cause;
    dst->context = src->context;
    dst->suppress_context = src->suppress_context;
    return r;
}

// Splits `exc` into the parts that match and the rest (Null: empty), keeping
// the nesting; a group that matches as a whole is kept as it is.
bool split_recursive(const Value& exc, const Matcher& m, bool with_rest, Value& match, Value& rest) {
    match = Value();
    rest = Value();
    int r = matches(m, exc);
    if (r < 0) return false;
    if (r) { match = exc; return true; }
    if (!is_exception_group(exc)) {
        if (with_rest) rest = exc;
        return true;
    }
    std::vector<Value> matched, rested;
    for (const Value& e : members(exc)) {
        Value em, er;
        if (!split_recursive(e, m, with_rest, em, er)) return false;
        if (!em.is_null()) matched.push_back(em);
        if (!er.is_null()) rested.push_back(er);
    }
    if (!matched.empty() && (match = derive_with_metadata(exc, std::move(matched))).is_null()) return false;
    if (!rested.empty() && (rest = derive_with_metadata(exc, std::move(rested))).is_null()) return false;
    return true;
}

Value or_none(const Value& v) { return v.is_null() ? Value::none() : v; }

void collect_leaves(const Value& exc, std::unordered_set<const Object*>& out) {
    if (!is_exception_group(exc)) { out.insert(exc.o); return; }
    for (const Value& e : members(exc)) collect_leaves(e, out);
}

// Whether `e` is orig or a part of it split off (CPython compares the
// traceback object; here the recorded entries: a new `raise` records anew).
bool same_metadata(const Value& e, const Value& orig) {
    ExceptionObj* a = as_exc(e);
    ExceptionObj* b = as_exc(orig);
    auto same = [](const Value& x, const Value& y) { return x.is_null() ? y.is_null() : y.is_obj() && x.o == y.o; };
    if (!same(a->cause, b->cause) || !same(a->context, b->context)) return false;
    if (a->traceback.size() != b->traceback.size()) return false;
    for (std::size_t i = 0; i < a->traceback.size(); ++i)
        if (a->traceback[i].function != b->traceback[i].function || a->traceback[i].line != b->traceback[i].line)
            return false;
    return true;
}

Value eg_split(Value* args, int nargs, const CallArgs&) {
    if (nargs != 2) return raise(T.TypeError, "BaseExceptionGroup.split() takes exactly one argument (" + std::to_string(nargs - 1) + " given)");
    Matcher m{};
    if (!make_matcher(args[1], m)) return Value();
    Value match, rest;
    if (!split_recursive(args[0], m, true, match, rest)) return Value();
    return tuple_value({or_none(match), or_none(rest)});
}

Value eg_subgroup(Value* args, int nargs, const CallArgs&) {
    if (nargs != 2) return raise(T.TypeError, "BaseExceptionGroup.subgroup() takes exactly one argument (" + std::to_string(nargs - 1) + " given)");
    Matcher m{};
    if (!make_matcher(args[1], m)) return Value();
    Value match, rest;
    if (!split_recursive(args[0], m, false, match, rest)) return Value();
    return or_none(match);
}

Value eg_derive(Value* args, int nargs, const CallArgs&) {
    if (nargs != 2) return raise(T.TypeError, "BaseExceptionGroup.derive() takes exactly one argument (" + std::to_string(nargs - 1) + " given)");
    std::vector<Value> excs;
    if (!collect(args[1], excs)) return Value();
    return make_exception_group(as_exc(args[0])->message, std::move(excs));
}

}  // namespace

bool is_exception_group(const Value& v) {
    return is_kind(v, Kind::Exception) && v.o->cls->is_subclass_of(T.BaseExceptionGroup) &&
           !as_exc(v)->exceptions.is_null();
}

Value make_exception_group(Value message, std::vector<Value> excs) {
    bool all_exc = true;
    for (const Value& e : excs) all_exc = all_exc && exc_matches(e, T.Exception);
    ExceptionObj* eg = make<ExceptionObj>(all_exc ? T.ExceptionGroup : T.BaseExceptionGroup);
    Value v(eg);
    eg->message = message;
    eg->args = tuple_value({message, list_value(excs)});
    eg->exceptions = tuple_value(std::move(excs));
    return v;
}

bool except_star_match(const Value& exc, const Value& type, Value& match, Value& rest) {
    Matcher m{};
    bool valid = is_exception_class(type);
    if (is_kind(type, Kind::Tuple)) {
        valid = true;
        for (const Value& t : static_cast<TupleObj*>(type.o)->items) valid = valid && is_exception_class(t);
    }
    if (!valid) {
        raise(T.TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return false;
    }
    auto is_group_class = [](const Value& t) { return static_cast<ClassObj*>(t.o)->is_subclass_of(T.BaseExceptionGroup); };
    bool group = false;
    if (is_kind(type, Kind::Tuple)) {
        for (const Value& t : static_cast<TupleObj*>(type.o)->items) group = group || is_group_class(t);
    } else {
        group = is_group_class(type);
    }
    if (group) {
        raise(T.TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return false;
    }
    m = {Matcher::Kind::Type, type};
    match = Value::none();
    rest = exc;
    if (exc.is_none()) return true;
    if (matches(m, exc)) {
        if (is_exception_group(exc)) {
            match = exc;
        } else {
            match = make_exception_group(str_value(""), {exc});
            as_exc(match)->args = tuple_value({str_value(""), tuple_value({exc})});  // as CPython wraps it
            as_exc(match)->traceback = as_exc(exc)->traceback;
        }
        rest = Value::none();
        return true;
    }
    if (!is_exception_group(exc)) return true;
    Value mv, rv;
    if (!split_recursive(exc, m, true, mv, rv)) return false;
    if (mv.is_null()) return true;
    match = mv;
    rest = or_none(rv);
    return true;
}

Value prep_reraise_star(const Value& orig, const std::vector<Value>& excs) {
    if (excs.empty()) return Value::none();
    // a naked exception was caught: one clause at most ran, the first item decides
    if (!is_exception_group(orig)) return excs[0];
    std::vector<Value> raised;
    std::unordered_set<const Object*> keep;
    for (const Value& e : excs) {
        if (e.is_none()) continue;
        if (same_metadata(e, orig)) collect_leaves(e, keep);
        else raised.push_back(e);
    }
    Value reraised;
    if (!keep.empty()) {
        Matcher m{Matcher::Kind::Ids, Value(), &keep};
        Value rest;
        if (!split_recursive(orig, m, false, reraised, rest)) return Value();
    }
    if (raised.empty()) return or_none(reraised);
    if (!reraised.is_null()) raised.push_back(reraised);
    if (raised.size() == 1) return raised[0];
    return make_exception_group(str_value(""), std::move(raised));
}

void init_exception_group_methods() {
    add_method(T.BaseExceptionGroup, "split", eg_split);
    add_method(T.BaseExceptionGroup, "subgroup", eg_subgroup);
    add_method(T.BaseExceptionGroup, "derive", eg_derive);
}

}  // namespace corolab::lang

// Methods of list, tuple, dict and set.
#include <algorithm>

#include "lang/objects/ops.hpp"

namespace corolab::lang {

bool sort_list(std::vector<Value>& items, const Value* key, bool reverse);  // builtins.cpp
bool update_dict(DictObj* d, const Value& src);

namespace {
std::vector<Value>& L(Value* a) { return static_cast<ListObj*>(a[0].o)->items; }
DictObj* D(Value* a) { return static_cast<DictObj*>(a[0].o); }
SetObj* Sx(Value* a) { return static_cast<SetObj*>(a[0].o); }

// x.__contains__(y): what `y in x` does (itertools recipes pass it as a predicate).
Value m_contains(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "__contains__() takes exactly one argument (" + std::to_string(n - 1) + " given)");
    int r = contains(a[0], a[1]);
    return r < 0 ? Value() : Value::boolean(r != 0);
}

Value l_append(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "list.append() takes exactly one argument (" + std::to_string(n - 1) + " given)");
    L(a).push_back(a[1]);
    return Value::none();
}
Value l_extend(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "list.extend() takes exactly one argument");
    std::vector<Value> items;
    if (!collect(a[1], items)) return Value();
    L(a).insert(L(a).end(), items.begin(), items.end());
    return Value::none();
}
Value l_insert(Value* a, int n, const CallArgs&) {
    if (n != 3) return raise(T.TypeError, "insert expected 2 arguments, got " + std::to_string(n - 1));
    std::int64_t i;
    if (!to_index(a[1], i)) return Value();
    auto& v = L(a);
    std::int64_t sz = static_cast<std::int64_t>(v.size());
    if (i < 0) i = std::max<std::int64_t>(0, i + sz);
    if (i > sz) i = sz;
    v.insert(v.begin() + i, a[2]);
    return Value::none();
}
Value l_pop(Value* a, int n, const CallArgs&) {
    auto& v = L(a);
    if (v.empty()) return raise(T.IndexError, "pop from empty list");
    std::int64_t i = -1;
    if (n > 1 && !to_index(a[1], i)) return Value();
    if (i < 0) i += v.size();
    if (i < 0 || i >= static_cast<std::int64_t>(v.size())) return raise(T.IndexError, "pop index out of range");
    Value r = v[i];
    v.erase(v.begin() + i);
    return r;
}
Value l_remove(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "list.remove() takes exactly one argument");
    auto& v = L(a);
    for (std::size_t i = 0; i < v.size(); ++i) {
        int e = equals(v[i], a[1]);
        if (e < 0) return Value();
        if (e) { v.erase(v.begin() + i); return Value::none(); }
    }
    return raise(T.ValueError, "list.remove(x): x not in list");
}
Value seq_index(Value* a, int n, std::vector<Value>& v, const char* what) {
    if (n < 2) return raise(T.TypeError, "index expected at least 1 argument, got 0");
    for (std::size_t i = 0; i < v.size(); ++i) {
        int e = equals(v[i], a[1]);
        if (e < 0) return Value();
        if (e) return Value::integer(i);
    }
    std::string r;
    append_repr(r, a[1]);
    return raise(T.ValueError, std::string(what) == "list" ? r + " is not in list" : "tuple.index(x): x not in tuple");
}
Value seq_count(Value* a, std::vector<Value>& v) {
    std::int64_t c = 0;
    for (auto& x : v) {
        int e = equals(x, a[1]);
        if (e < 0) return Value();
        c += e;
    }
    return Value::integer(c);
}
Value l_index(Value* a, int n, const CallArgs&) { return seq_index(a, n, L(a), "list"); }
Value l_count(Value* a, int, const CallArgs&) { return seq_count(a, L(a)); }
Value t_index(Value* a, int n, const CallArgs&) { return seq_index(a, n, static_cast<TupleObj*>(a[0].o)->items, "tuple"); }
Value t_count(Value* a, int, const CallArgs&) { return seq_count(a, static_cast<TupleObj*>(a[0].o)->items); }
Value l_sort(Value* a, int n, const CallArgs& kw) {
    if (n > 1) return raise(T.TypeError, "sort() takes no positional arguments");
    const Value* key = nullptr;
    bool rev = false;
    for (int i = 0; i < kw.nkw; ++i) {
        if (kw.kwn[i]->s == "key") key = &kw.kwv[i];
        else if (kw.kwn[i]->s == "reverse") rev = truthy(kw.kwv[i]) == 1;
    }
    std::vector<Value> items = L(a);
    if (!sort_list(items, key, rev)) return Value();
    L(a) = std::move(items);
    return Value::none();
}
Value l_reverse(Value* a, int, const CallArgs&) { std::reverse(L(a).begin(), L(a).end()); return Value::none(); }
Value l_clear(Value* a, int, const CallArgs&) { L(a).clear(); return Value::none(); }
Value l_copy(Value* a, int, const CallArgs&) { return list_value(L(a)); }

// dict.fromkeys(iterable, value=None), called on the class.
Value d_fromkeys(Value* a, int n, const CallArgs&) {
    if (!check_args("fromkeys", n, 1, 2)) return Value();
    std::vector<Value> keys;
    if (!collect(a[0], keys)) return Value();
    Value d = new_dict();
    Value v = n > 1 ? a[1] : Value::none();
    for (auto& k : keys)
        if (!dict_set(static_cast<DictObj*>(d.o), k, v)) return Value();
    return d;
}
Value d_get(Value* a, int n, const CallArgs&) {
    if (n < 2) return raise(T.TypeError, "get expected at least 1 argument, got 0");
    Value v = dict_get(D(a), a[1]);
    if (!v.is_null() || has_exc()) return v;
    return n > 2 ? a[2] : Value::none();
}
Value view_list(Value* a, int mode) {
    std::vector<Value> out;
    for (auto& e : D(a)->entries) {
        if (e.key.is_null()) continue;
        if (mode == 0) out.push_back(e.key);
        else if (mode == 1) out.push_back(e.value);
        else out.push_back(tuple_value({e.key, e.value}));
    }
    return list_value(std::move(out));
}
// Views are materialized as iterators over a snapshot list (printing a view
// is rare in the subset; iteration and len() are what scenarios use).
Value d_keys(Value* a, int, const CallArgs&) { return view_list(a, 0); }
Value d_values(Value* a, int, const CallArgs&) { return view_list(a, 1); }
Value d_items(Value* a, int, const CallArgs&) { return view_list(a, 2); }
Value d_setdefault(Value* a, int n, const CallArgs&) {
    Value v = dict_get(D(a), a[1]);
    if (has_exc()) return Value();
    if (!v.is_null()) return v;
    Value def = n > 2 ? a[2] : Value::none();
    if (!dict_set(D(a), a[1], def)) return Value();
    return def;
}
Value d_pop(Value* a, int n, const CallArgs&) {
    if (n < 2) return raise(T.TypeError, "pop expected at least 1 argument, got 0");
    Value v = dict_get(D(a), a[1]);
    if (has_exc()) return Value();
    if (v.is_null()) {
        if (n > 2) return a[2];
        return raise_value(make_exception(T.KeyError, {a[1]}));
    }
    dict_del(D(a), a[1]);
    return v;
}
Value d_popitem(Value* a, int, const CallArgs&) {
    auto* d = D(a);
    for (std::size_t i = d->entries.size(); i-- > 0;) {
        if (d->entries[i].key.is_null()) continue;
        Value k = d->entries[i].key, v = d->entries[i].value;
        dict_del(d, k);
        return tuple_value({k, v});
    }
    return raise_value(make_exception(T.KeyError, {str_value("popitem(): dictionary is empty")}));
}
Value d_update(Value* a, int n, const CallArgs& kw) {
    if (n > 1 && !update_dict(D(a), a[1])) return Value();
    for (int i = 0; i < kw.nkw; ++i) dict_set(D(a), Value(static_cast<Object*>(kw.kwn[i])), kw.kwv[i]);
    return Value::none();
}
Value d_clear(Value* a, int, const CallArgs&) { D(a)->clear_refs(); return Value::none(); }
Value d_copy(Value* a, int, const CallArgs&) {
    Value d = new_dict();
    update_dict(static_cast<DictObj*>(d.o), a[0]);
    return d;
}

Value s_add(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "set.add() takes exactly one argument");
    if (!set_add(Sx(a), a[1])) return Value();
    return Value::none();
}
Value s_discard(Value* a, int, const CallArgs&) {
    if (dict_del(Sx(a)->table, a[1]) < 0) return Value();
    return Value::none();
}
Value s_remove(Value* a, int, const CallArgs&) {
    int r = dict_del(Sx(a)->table, a[1]);
    if (r < 0) return Value();
    if (r == 0) return raise_value(make_exception(T.KeyError, {a[1]}));
    return Value::none();
}
Value s_pop(Value* a, int, const CallArgs&) {
    auto* d = Sx(a)->table;
    for (auto& e : d->entries) {
        if (e.key.is_null()) continue;
        Value k = e.key;
        dict_del(d, k);
        return k;
    }
    return raise_value(make_exception(T.KeyError, {str_value("pop from an empty set")}));
}
Value s_update(Value* a, int n, const CallArgs&) {
    for (int i = 1; i < n; ++i) {
        std::vector<Value> items;
        if (!collect(a[i], items)) return Value();
        for (auto& x : items) if (!set_add(Sx(a), x)) return Value();
    }
    return Value::none();
}
Value s_clear(Value* a, int, const CallArgs&) { Sx(a)->table->clear_refs(); return Value::none(); }
Value set_binop(Value* a, int n, BinOpKind op) {
    Value acc = a[0];
    for (int i = 1; i < n; ++i) {
        Value other = a[i];
        if (!is_kind(other, Kind::Set)) {
            Value s = new_set();
            std::vector<Value> items;
            if (!collect(other, items)) return Value();
            for (auto& x : items) set_add(static_cast<SetObj*>(s.o), x);
            other = s;
        }
        acc = binary_op(op, acc, other);
        if (acc.is_null()) return acc;
    }
    if (acc.o == a[0].o) return binary_op(BinOpKind::BitOr, acc, Value(make<SetObj>()));
    return acc;
}
Value s_union(Value* a, int n, const CallArgs&) { return set_binop(a, n, BinOpKind::BitOr); }
Value s_intersection(Value* a, int n, const CallArgs&) { return set_binop(a, n, BinOpKind::BitAnd); }
Value s_difference(Value* a, int n, const CallArgs&) { return set_binop(a, n, BinOpKind::Sub); }
Value s_issubset(Value* a, int, const CallArgs&) { return compare_op(CmpOpKind::LtE, a[0], a[1]); }
Value s_copy(Value* a, int, const CallArgs&) { return binary_op(BinOpKind::BitOr, a[0], Value(make<SetObj>())); }
}  // namespace

void init_container_methods() {
    add_method(T.list, "append", l_append);
    add_method(T.list, "extend", l_extend);
    add_method(T.list, "insert", l_insert);
    add_method(T.list, "pop", l_pop);
    add_method(T.list, "remove", l_remove);
    add_method(T.list, "index", l_index);
    add_method(T.list, "count", l_count);
    add_method(T.list, "sort", l_sort);
    add_method(T.list, "reverse", l_reverse);
    add_method(T.list, "clear", l_clear);
    add_method(T.list, "copy", l_copy);
    add_method(T.tuple, "index", t_index);
    add_method(T.tuple, "count", t_count);
    add_method(T.dict, "get", d_get);
    add_class_function(T.dict, "fromkeys", d_fromkeys);
    add_method(T.dict, "keys", d_keys);
    add_method(T.dict, "values", d_values);
    add_method(T.dict, "items", d_items);
    add_method(T.dict, "setdefault", d_setdefault);
    add_method(T.dict, "pop", d_pop);
    add_method(T.dict, "popitem", d_popitem);
    add_method(T.dict, "update", d_update);
    add_method(T.dict, "clear", d_clear);
    add_method(T.dict, "copy", d_copy);
    for (ClassObj* c : {T.list, T.tuple, T.dict, T.set, T.str}) add_method(c, "__contains__", m_contains);
    add_method(T.set, "add", s_add);
    add_method(T.set, "discard", s_discard);
    add_method(T.set, "remove", s_remove);
    add_method(T.set, "pop", s_pop);
    add_method(T.set, "update", s_update);
    add_method(T.set, "clear", s_clear);
    add_method(T.set, "union", s_union);
    add_method(T.set, "intersection", s_intersection);
    add_method(T.set, "difference", s_difference);
    add_method(T.set, "issubset", s_issubset);
    add_method(T.set, "copy", s_copy);
}

void init_str_methods();
void init_type_constructors();
void init_exception_group_methods();  // exception_group.cpp
void init_number_methods();           // number_methods.cpp

void init_builtin_methods() {
    init_type_constructors();
    init_str_methods();
    init_container_methods();
    init_range_methods();
    init_number_methods();
    init_exception_group_methods();
}


}  // namespace corolab::lang

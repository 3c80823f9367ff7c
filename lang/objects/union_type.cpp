// types.UnionType: `int | None` (PEP 604), the value of `X | Y` when both
// sides are classes, None or unions. It prints as CPython prints it, keeps
// its members in `__args__` (duplicates dropped, nested unions flattened)
// and isinstance/issubclass accept it (builtins.cpp).
#include "lang/objects/ops.hpp"

namespace corolab::lang {

namespace {

ClassObj* union_class = nullptr;

const std::vector<Value>* args_of(const Value& v) {
    if (!union_class || !is_kind(v, Kind::Instance) || v.o->cls != union_class) return nullptr;
    Value a = dict_get_str(static_cast<InstanceObj*>(v.o)->dict, rt().intern("__args__"));
    return is_kind(a, Kind::Tuple) ? &static_cast<TupleObj*>(a.o)->items : nullptr;
}

bool unionable(const Value& v) { return v.is_none() || is_kind(v, Kind::Class) || args_of(v); }

Value u_repr(Value* args, int, const CallArgs&) {
    std::string out;
    for (const Value& a : *args_of(args[0])) {
        if (!out.empty()) out += " | ";
        if (is_kind(a, Kind::Class) && a.o == T.none) out += "None";
        else if (is_kind(a, Kind::Class)) out += class_path(static_cast<ClassObj*>(a.o));
        else if (!append_repr(out, a)) return Value();
    }
    return str_value(out);
}
Value u_or(Value* args, int, const CallArgs&) {
    Value r = union_or(args[0], args[1]);
    return r.is_null() && !has_exc() ? Value(rt().intern("NotImplemented")) : r;
}
Value u_ror(Value* args, int, const CallArgs&) {
    Value r = union_or(args[1], args[0]);
    return r.is_null() && !has_exc() ? Value(rt().intern("NotImplemented")) : r;
}

ClassObj* get_union_class() {
    if (!union_class) {
        union_class = make_builtin_class("UnionType", T.object, Kind::Instance);
        union_class->module = "types";
        add_method(union_class, "__repr__", u_repr);
        add_method(union_class, "__or__", u_or);
        add_method(union_class, "__ror__", u_ror);
    }
    return union_class;
}

}  // namespace

Value union_or(const Value& a, const Value& b) {
    if (!unionable(a) || !unionable(b)) return Value();
    std::vector<Value> items;
    for (const Value* side : {&a, &b}) {
        const std::vector<Value>* inner = args_of(*side);
        std::vector<Value> one{side->is_none() ? Value(static_cast<Object*>(T.none)) : *side};
        for (const Value& x : inner ? *inner : one) {
            bool seen = false;
            for (const Value& y : items) seen = seen || (x.tag == y.tag && x.o == y.o);
            if (!seen) items.push_back(x);
        }
    }
    if (items.size() == 1) return items[0];  // int | int is int
    auto* u = make<InstanceObj>(get_union_class());
    Value uv(u);
    dict_set_str(u->dict, "__args__", tuple_value(std::move(items)));
    return uv;
}

const std::vector<Value>* union_args(const Value& v) { return args_of(v); }

}  // namespace corolab::lang

// The datetime module: date, datetime and timedelta as microsecond counts,
// loop_time()/today() on the run's virtual clock (2000-01-01 at its zero).
#include <cmath>

#include "lang/modules/asyncio_bridge.hpp"
#include "lang/num/datetime_format.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/modules/modules.hpp"
#include "lang/objects/ops.hpp"

namespace corolab::lang {

namespace {

struct DtClasses { ClassObj *datetime, *timedelta, *date; } DT;

struct DateTimeObj : NativeObj {
    num::EpochMicros us;
    DateTimeObj(ClassObj* c, num::EpochMicros u) : NativeObj(c), us(u) {}
};
DateTimeObj* dt(const Value& v) { return static_cast<DateTimeObj*>(v.o); }
bool is_dt(const Value& v, ClassObj* c) { return is_kind(v, Kind::Native) && v.o->cls == c; }
Value make_dt(ClassObj* c, num::EpochMicros us) { return Value(make<DateTimeObj>(c, us)); }

Value dt_now(Value*, int, const CallArgs&) {
    return make_dt(DT.datetime, num::epoch_micros_from_seconds(kWallAtZero + loop_time()));
}
Value date_today(Value*, int, const CallArgs&) {
    num::EpochMicros us = num::epoch_micros_from_seconds(kWallAtZero + loop_time());
    std::int64_t day = 86400000000LL;
    return make_dt(DT.date, us - num::floormod(us, day));
}
Value dt_fromtimestamp(Value* a, int n, const CallArgs&) {
    double t;
    if (n < 1 || !to_double(a[n - 1], t)) return has_exc() ? Value() : raise(T.TypeError, "fromtimestamp() missing argument");
    return make_dt(DT.datetime, num::epoch_micros_from_seconds(t));
}
Value dt_new(Value* a, int n, const CallArgs& kw) {
    ClassObj* c = static_cast<ClassObj*>(a[0].o);
    std::int64_t v[7] = {0, 1, 1, 0, 0, 0, 0};
    static const char* names[7] = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
    for (int i = 1; i < n && i <= 7; ++i) if (!to_index(a[i], v[i - 1])) return Value();
    for (int k = 0; k < kw.nkw; ++k)
        for (int i = 0; i < 7; ++i)
            if (kw.kwn[k]->s == names[i] && !to_index(kw.kwv[k], v[i])) return Value();
    if (n < 4 && kw.nkw == 0) return raise(T.TypeError, "function missing required argument 'day' (pos 3)");
    num::CivilTime ct;
    ct.year = static_cast<int>(v[0]); ct.month = static_cast<int>(v[1]); ct.day = static_cast<int>(v[2]);
    ct.hour = static_cast<int>(v[3]); ct.minute = static_cast<int>(v[4]); ct.second = static_cast<int>(v[5]);
    ct.microsecond = static_cast<int>(v[6]);
    if (ct.month < 1 || ct.month > 12) return raise(T.ValueError, "month must be in 1..12");
    return make_dt(c, num::micros_from_civil(ct));
}
Value dt_str(Value* a, int, const CallArgs&) {
    num::CivilTime c = num::civil_from_micros(dt(a[0])->us);
    if (a[0].o->cls == DT.date) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
        return str_value(buf);
    }
    return str_value(num::datetime_str(c));
}
Value dt_repr(Value* a, int, const CallArgs&) {
    num::CivilTime c = num::civil_from_micros(dt(a[0])->us);
    if (a[0].o->cls == DT.date) return str_value("datetime.date(" + std::to_string(c.year) + ", " + std::to_string(c.month) + ", " + std::to_string(c.day) + ")");
    return str_value(num::datetime_repr(c));
}
Value dt_isoformat(Value* a, int n, const CallArgs&) {
    if (a[0].o->cls == DT.date) return dt_str(a, n, CallArgs{});
    char sep = 'T';
    if (n > 1 && is_str(a[1]) && !as_str(a[1])->s.empty()) sep = as_str(a[1])->s[0];
    return str_value(num::datetime_isoformat(num::civil_from_micros(dt(a[0])->us), sep));
}
Value dt_strftime(Value* a, int n, const CallArgs&) {
    if (n < 2 || !is_str(a[1])) return raise(T.TypeError, "strftime() argument 1 must be str");
    return str_value(num::strftime(num::civil_from_micros(dt(a[0])->us), as_str(a[1])->s));
}
Value dt_format(Value* a, int n, const CallArgs& kw) {
    if (n < 2 || !is_str(a[1]) || as_str(a[1])->s.empty()) return dt_str(a, 1, kw);
    return dt_strftime(a, n, kw);
}
Value dt_date(Value* a, int, const CallArgs&) {
    std::int64_t day = 86400000000LL;
    return make_dt(DT.date, dt(a[0])->us - num::floormod(dt(a[0])->us, day));
}
Value dt_timestamp(Value* a, int, const CallArgs&) { return Value::number(static_cast<double>(dt(a[0])->us) / 1e6); }
Value dt_field(Value* a, int field) {
    num::CivilTime c = num::civil_from_micros(dt(a[0])->us);
    int v[] = {c.year, c.month, c.day, c.hour, c.minute, c.second, c.microsecond};
    return Value::integer(v[field]);
}
Value dt_year(Value* a, int, const CallArgs&) { return dt_field(a, 0); }
Value dt_month(Value* a, int, const CallArgs&) { return dt_field(a, 1); }
Value dt_day(Value* a, int, const CallArgs&) { return dt_field(a, 2); }
Value dt_hour(Value* a, int, const CallArgs&) { return dt_field(a, 3); }
Value dt_minute(Value* a, int, const CallArgs&) { return dt_field(a, 4); }
Value dt_second(Value* a, int, const CallArgs&) { return dt_field(a, 5); }
Value dt_microsecond(Value* a, int, const CallArgs&) { return dt_field(a, 6); }
Value dt_weekday(Value* a, int, const CallArgs&) { return Value::integer(num::civil_from_micros(dt(a[0])->us).weekday); }
Value dt_sub(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], a[0].o->cls)) return make_dt(DT.timedelta, dt(a[0])->us - dt(a[1])->us);
    if (is_dt(a[1], DT.timedelta)) return make_dt(a[0].o->cls, dt(a[0])->us - dt(a[1])->us);
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
Value dt_add(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], DT.timedelta)) return make_dt(a[0].o->cls, dt(a[0])->us + dt(a[1])->us);
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
template <CmpOpKind K>
Value dt_cmp(Value* a, int, const CallArgs&) {
    if (!is_dt(a[1], a[0].o->cls)) return K == CmpOpKind::Eq ? Value::boolean(false) : Value(static_cast<Object*>(rt().intern("NotImplemented")));
    auto x = dt(a[0])->us, y = dt(a[1])->us;
    switch (K) {
        case CmpOpKind::Lt: return Value::boolean(x < y);
        case CmpOpKind::LtE: return Value::boolean(x <= y);
        case CmpOpKind::Gt: return Value::boolean(x > y);
        case CmpOpKind::GtE: return Value::boolean(x >= y);
        default: return Value::boolean(x == y);
    }
}
Value dt_hash(Value* a, int, const CallArgs&) { return Value::integer(num::hash_int64(dt(a[0])->us)); }

Value td_new(Value* a, int n, const CallArgs& kw) {
    static const char* names[7] = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    static const double scale[7] = {86400e6, 1e6, 1, 1e3, 60e6, 3600e6, 604800e6};
    double total = 0;
    std::int64_t exact = 0;
    bool all_int = true;
    auto add = [&](int i, const Value& v) {
        if (is_int_like(v) && v.tag != Tag::Obj) exact += v.i * static_cast<std::int64_t>(scale[i]);
        else {
            double d;
            if (!to_double(v, d)) return false;
            all_int = false;
            total += d * scale[i];
        }
        return true;
    };
    for (int i = 1; i < n && i <= 7; ++i) if (!add(i - 1, a[i])) return Value();
    for (int k = 0; k < kw.nkw; ++k) {
        bool found = false;
        for (int i = 0; i < 7; ++i)
            if (kw.kwn[k]->s == names[i]) { found = true; if (!add(i, kw.kwv[k])) return Value(); }
        if (!found) return raise(T.TypeError, "'" + kw.kwn[k]->s + "' is an invalid keyword argument for __new__()");
    }
    std::int64_t us = exact + (all_int ? 0 : static_cast<std::int64_t>(std::nearbyint(total)));
    return make_dt(DT.timedelta, us);
}
Value td_str(Value* a, int, const CallArgs&) { return str_value(num::timedelta_str(num::TimeDelta::from_micros(dt(a[0])->us))); }
Value td_repr(Value* a, int, const CallArgs&) { return str_value(num::timedelta_repr(num::TimeDelta::from_micros(dt(a[0])->us))); }
Value td_total_seconds(Value* a, int, const CallArgs&) { return Value::number(num::TimeDelta::from_micros(dt(a[0])->us).total_seconds()); }
Value td_days(Value* a, int, const CallArgs&) { return Value::integer(num::TimeDelta::from_micros(dt(a[0])->us).days); }
Value td_seconds(Value* a, int, const CallArgs&) { return Value::integer(num::TimeDelta::from_micros(dt(a[0])->us).seconds); }
Value td_microseconds(Value* a, int, const CallArgs&) { return Value::integer(num::TimeDelta::from_micros(dt(a[0])->us).microseconds); }
Value td_add(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], DT.timedelta)) return make_dt(DT.timedelta, dt(a[0])->us + dt(a[1])->us);
    if (is_dt(a[1], DT.datetime)) return make_dt(DT.datetime, dt(a[0])->us + dt(a[1])->us);
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
Value td_sub(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], DT.timedelta)) return make_dt(DT.timedelta, dt(a[0])->us - dt(a[1])->us);
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
Value td_mul(Value* a, int, const CallArgs&) {
    if (is_int_like(a[1]) && a[1].tag != Tag::Obj) return make_dt(DT.timedelta, dt(a[0])->us * a[1].i);
    if (a[1].tag == Tag::Float) return make_dt(DT.timedelta, static_cast<std::int64_t>(std::nearbyint(static_cast<double>(dt(a[0])->us) * a[1].f)));
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
Value td_truediv(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], DT.timedelta)) {
        if (dt(a[1])->us == 0) return raise(T.ZeroDivisionError, "division by zero");
        return Value::number(static_cast<double>(dt(a[0])->us) / static_cast<double>(dt(a[1])->us));
    }
    double d;
    if (!to_double(a[1], d)) return Value();
    if (d == 0) return raise(T.ZeroDivisionError, "division by zero");
    return make_dt(DT.timedelta, static_cast<std::int64_t>(std::nearbyint(static_cast<double>(dt(a[0])->us) / d)));
}
Value td_neg(Value* a, int, const CallArgs&) { return make_dt(DT.timedelta, -dt(a[0])->us); }
Value td_bool(Value* a, int, const CallArgs&) { return Value::boolean(dt(a[0])->us != 0); }

void init_datetime_classes() {
    static bool done = false;
    if (done) return;
    done = true;
    DT.date = make_builtin_class("date", T.object, Kind::Native);
    DT.datetime = make_builtin_class("datetime", DT.date, Kind::Native);
    DT.timedelta = make_builtin_class("timedelta", T.object, Kind::Native);
    for (ClassObj* c : {DT.date, DT.datetime}) {
        add_method(c, "__new__", dt_new);
        add_method(c, "__str__", dt_str);
        add_method(c, "__repr__", dt_repr);
        add_method(c, "isoformat", dt_isoformat);
        add_method(c, "strftime", dt_strftime);
        add_method(c, "__sub__", dt_sub);
        add_method(c, "__add__", dt_add);
        add_method(c, "__eq__", dt_cmp<CmpOpKind::Eq>);
        add_method(c, "__lt__", dt_cmp<CmpOpKind::Lt>);
        add_method(c, "__le__", dt_cmp<CmpOpKind::LtE>);
        add_method(c, "__gt__", dt_cmp<CmpOpKind::Gt>);
        add_method(c, "__ge__", dt_cmp<CmpOpKind::GtE>);
        add_method(c, "__hash__", dt_hash);
        add_method(c, "weekday", dt_weekday);
        add_method(c, "__format__", dt_format);
        add_method(c, "today", c == DT.date ? date_today : dt_now);
    }
    add_class_function(DT.datetime, "now", dt_now);
    add_method(DT.datetime, "utcnow", dt_now);
    add_class_function(DT.datetime, "fromtimestamp", dt_fromtimestamp);
    add_method(DT.datetime, "timestamp", dt_timestamp);
    add_method(DT.datetime, "date", dt_date);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"year", dt_year}, {"month", dt_month}, {"day", dt_day}, {"hour", dt_hour}, {"minute", dt_minute},
             {"second", dt_second}, {"microsecond", dt_microsecond}})
        add_property(DT.date, n, f);
    add_method(DT.timedelta, "__new__", td_new);
    add_method(DT.timedelta, "__str__", td_str);
    add_method(DT.timedelta, "__repr__", td_repr);
    add_method(DT.timedelta, "total_seconds", td_total_seconds);
    add_method(DT.timedelta, "__add__", td_add);
    add_method(DT.timedelta, "__radd__", td_add);
    add_method(DT.timedelta, "__sub__", td_sub);
    add_method(DT.timedelta, "__mul__", td_mul);
    add_method(DT.timedelta, "__rmul__", td_mul);
    add_method(DT.timedelta, "__truediv__", td_truediv);
    add_method(DT.timedelta, "__neg__", td_neg);
    add_method(DT.timedelta, "__bool__", td_bool);
    add_method(DT.timedelta, "__eq__", dt_cmp<CmpOpKind::Eq>);
    add_method(DT.timedelta, "__lt__", dt_cmp<CmpOpKind::Lt>);
    add_method(DT.timedelta, "__le__", dt_cmp<CmpOpKind::LtE>);
    add_method(DT.timedelta, "__gt__", dt_cmp<CmpOpKind::Gt>);
    add_method(DT.timedelta, "__ge__", dt_cmp<CmpOpKind::GtE>);
    add_method(DT.timedelta, "__hash__", dt_hash);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"days", td_days}, {"seconds", td_seconds}, {"microseconds", td_microseconds}})
        add_property(DT.timedelta, n, f);
}

}  // namespace

Value make_module_datetime() {
    init_datetime_classes();
    ModuleObj* m = new_module("datetime");
    Value mv(m);
    dict_set_str(m->dict, "datetime", Value(static_cast<Object*>(DT.datetime)));
    dict_set_str(m->dict, "date", Value(static_cast<Object*>(DT.date)));
    dict_set_str(m->dict, "timedelta", Value(static_cast<Object*>(DT.timedelta)));
    return mv;
}

}  // namespace corolab::lang

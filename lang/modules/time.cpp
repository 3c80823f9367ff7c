// The time module: virtual-clock time (time(), monotonic(), perf_counter()
// and their _ns forms read the run's loop clock) and time.sleep, which
// blocks: the loop does not run meanwhile, as in CPython, or, on a
// simulated worker thread, only that thread waits.
#include <cmath>
#include <cstdio>

#include "lang/modules/asyncio_bridge.hpp"
#include "lang/modules/thread.hpp"
#include "lang/num/datetime_format.hpp"
#include "lang/modules/modules.hpp"
#include "lang/objects/ops.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

namespace {

Value t_sleep(Value* a, int n, const CallArgs&) {
    if (check_arg_count("sleep", n, 1, 1).is_null()) return Value();
    // the argument checks of CPython's time.sleep (pytime.c): the duration
    // must fit in int64 nanoseconds
    if (a[0].tag == Tag::Float) {
        if (std::isnan(a[0].f)) return raise(T.ValueError, "Invalid value NaN (not a number)");
        if (!(std::fabs(a[0].f * 1e9) <= 9223372036854775808.0))
            return raise(T.OverflowError, "timestamp out of range for platform time_t");
    } else if (is_int_like(a[0]) && (a[0].tag == Tag::Obj || a[0].i > 9223372036 || a[0].i < -9223372036)) {
        return raise(T.OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    double d;
    if (!to_double(a[0], d)) return Value();
    if (d < 0) return raise(T.ValueError, "sleep length must be non-negative");
    if (auto r = worker_sleep(d)) return *r;  // blocks only its thread
    AsyncioState& s = *AsyncioState::current;
    if (s.time() + d > s.horizon) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", s.horizon);
        return rt().vm->set_fatal("time", std::string("virtual time limit of ") + buf + " s reached");
    }
    return main_blocks_until(s.time() + d);  // the threads' events due meanwhile run
}
Value t_time(Value*, int, const CallArgs&) { return Value::number(kWallAtZero + loop_time()); }
Value t_monotonic(Value*, int, const CallArgs&) { return Value::number(loop_time()); }
Value t_time_ns(Value*, int, const CallArgs&) { return int_value(num::BigInt::from_double(std::floor((kWallAtZero + loop_time()) * 1e9))); }
Value t_monotonic_ns(Value*, int, const CallArgs&) { return Value::integer(static_cast<std::int64_t>(loop_time() * 1e9)); }

Value struct_time(const num::CivilTime& c) {
    return tuple_value({Value::integer(c.year), Value::integer(c.month), Value::integer(c.day), Value::integer(c.hour),
                        Value::integer(c.minute), Value::integer(c.second), Value::integer(c.weekday),
                        Value::integer(c.yday), Value::integer(0)});
}
bool civil_arg(Value* a, int n, num::CivilTime& c) {
    if (n == 0 || a[0].is_none()) {
        c = num::struct_time_from_seconds(kWallAtZero + loop_time());
        return true;
    }
    if (is_kind(a[0], Kind::Tuple)) {
        auto& it = static_cast<TupleObj*>(a[0].o)->items;
        if (it.size() < 9) { raise(T.TypeError, "time tuple must have 9 elements"); return false; }
        std::int64_t v[9];
        for (int i = 0; i < 9; ++i) if (!to_index(it[i], v[i])) return false;
        c.year = static_cast<int>(v[0]); c.month = static_cast<int>(v[1]); c.day = static_cast<int>(v[2]);
        c.hour = static_cast<int>(v[3]); c.minute = static_cast<int>(v[4]); c.second = static_cast<int>(v[5]);
        c.weekday = static_cast<int>(v[6]); c.yday = static_cast<int>(v[7]);
        return true;
    }
    double t;
    if (!to_double(a[0], t)) return false;
    c = num::struct_time_from_seconds(t);
    return true;
}
Value t_localtime(Value* a, int n, const CallArgs&) {
    num::CivilTime c;
    if (!civil_arg(a, n, c)) return Value();
    return struct_time(c);
}
Value t_strftime(Value* a, int n, const CallArgs&) {
    if (n < 1 || !is_str(a[0])) return raise(T.TypeError, "strftime() argument 1 must be str");
    num::CivilTime c;
    if (!civil_arg(a + 1, n - 1, c)) return Value();
    return str_value(num::strftime(c, as_str(a[0])->s, "GMT", false));
}

}  // namespace

Value make_module_time() {
    ModuleObj* m = new_module("time");
    Value mv(m);
    add_function(m, "sleep", t_sleep);
    add_function(m, "time", t_time);
    add_function(m, "monotonic", t_monotonic);
    add_function(m, "perf_counter", t_monotonic);
    add_function(m, "process_time", t_monotonic);
    add_function(m, "time_ns", t_time_ns);
    add_function(m, "monotonic_ns", t_monotonic_ns);
    add_function(m, "perf_counter_ns", t_monotonic_ns);
    add_function(m, "localtime", t_localtime);
    add_function(m, "gmtime", t_localtime);
    add_function(m, "strftime", t_strftime);
    return mv;
}

}  // namespace corolab::lang

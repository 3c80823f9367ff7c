// Civil time for the virtual wall clock: naive UTC datetimes and timedeltas
// at microsecond resolution, printed as CPython 3.11's datetime prints them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lang/num/num_error.hpp"

namespace corolab::num {

// A broken-down moment (proleptic Gregorian, no time zone).
struct CivilTime {
    int year = 1970, month = 1, day = 1;    // month 1..12, day 1..31
    int hour = 0, minute = 0, second = 0;   // 0..23, 0..59, 0..59
    int microsecond = 0;                     // 0..999999
    int weekday = 3;                         // 0 = Monday (1970-01-01 is a Thursday)
    int yday = 1;                            // 1..366
};

// Microseconds since 1970-01-01 00:00:00 (a datetime's identity; differences
// of these are timedeltas).
using EpochMicros = int64_t;

// datetime.fromtimestamp(t) / utcfromtimestamp rounding: the fraction is
// rounded half-even to microseconds (CPython's _PyTime_ROUND_HALF_EVEN).
// Precondition: t finite and within years 1..9999.
EpochMicros epoch_micros_from_seconds(double t);
CivilTime civil_from_micros(EpochMicros us);
// time.gmtime(t) / time.localtime(t) under the UTC wall clock: whole
// seconds, fraction floored (CPython's _PyTime_ROUND_FLOOR).
CivilTime struct_time_from_seconds(double t);
EpochMicros micros_from_civil(const CivilTime& c);  // uses y/m/d h:m:s.us only

// str(dt): "2000-01-01 00:00:01.500000" (".ffffff" only when non-zero).
std::string datetime_str(const CivilTime& c);
// dt.isoformat(sep): "2000-01-01T00:00:01.500000".
std::string datetime_isoformat(const CivilTime& c, char sep = 'T');
// repr(dt): "datetime.datetime(2000, 1, 1, 0, 0, 1, 500000)" (trailing zero
// fields dropped down to the minute, as CPython).
std::string datetime_repr(const CivilTime& c);

// strftime in the C locale, as glibc (time.strftime) and datetime.strftime
// print: %a %A %b %B %c %C %d %D %e %f %F %G %g %H %I %j %k %l %m %M %n %p
// %P %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%. `zone` is what %Z
// prints (naive datetime: ""; time.strftime: "GMT", as the oracle's
// time.gmtime-based clock prints); %z prints "" for naive datetimes (`zone` empty) and
// "+0000" otherwise. %f is microseconds (datetime only; time.strftime leaves
// "%f" as glibc does: pass allow_f = false). Unknown directives are copied.
std::string strftime(const CivilTime& c, std::string_view fmt, std::string_view zone = "", bool allow_f = true);

// timedelta, normalized like CPython: 0 <= seconds < 86400,
// 0 <= microseconds < 1e6, days carries the sign.
struct TimeDelta {
    int64_t days = 0;
    int32_t seconds = 0;
    int32_t microseconds = 0;

    static TimeDelta from_micros(int64_t us);
    // Exact microseconds; fits int64 for |days| < 106751 (about 292 years),
    // which covers differences of datetimes in the wall clock's range.
    int64_t total_micros() const { return (days * 86400 + seconds) * 1000000 + microseconds; }
    // td.total_seconds(): microseconds / 10**6 correctly rounded, as CPython
    // (any days value).
    double total_seconds() const;
};

// One keyword argument of timedelta(): an int or a float.
struct TimeDeltaPart {
    bool is_float = false;
    int64_t i = 0;
    double f = 0;
};

// timedelta(days, seconds, microseconds, milliseconds, minutes, hours,
// weeks) as CPython's C constructor computes it: integer parts exactly,
// float fractions accumulated and rounded half-even to microseconds at the
// end. OverflowError "days=1000000000; must have magnitude <= 999999999"
// when out of range (also for absurd float inputs).
NumError timedelta_from_parts(const TimeDeltaPart& days, const TimeDeltaPart& seconds,
                              const TimeDeltaPart& microseconds, const TimeDeltaPart& milliseconds,
                              const TimeDeltaPart& minutes, const TimeDeltaPart& hours, const TimeDeltaPart& weeks,
                              TimeDelta& out);

// dt.timestamp() of a naive datetime under the UTC wall clock: whole
// seconds plus microseconds / 1e6, as CPython computes it.
double datetime_timestamp(EpochMicros us);

// str(td): "0:00:01.500000", "1 day, 0:00:00", "-1 day, 23:59:59".
std::string timedelta_str(const TimeDelta& td);
// repr(td): "datetime.timedelta(days=1, seconds=5, microseconds=10)",
// "datetime.timedelta(0)" for zero.
std::string timedelta_repr(const TimeDelta& td);

}  // namespace corolab::num

#include "lang/num/datetime_format.hpp"

#include "lang/num/bigint.hpp"

#include <cmath>
#include <cstdio>

namespace corolab::num {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

const char* const kDayAbbr[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const kDayName[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kMonAbbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kMonName[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    const int64_t era = floor_div(y, 400);
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const int64_t era = floor_div(z, 146097);
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

void append_num(std::string& out, int64_t v, int width, char pad = '0') {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v < 0 ? -v : v));
    if (v < 0) out.push_back('-');
    for (int i = n; i < width; ++i) out.push_back(pad);
    out.append(buf, static_cast<std::size_t>(n));
}

// Number of ISO weeks in year y (52 or 53).
int iso_weeks_in_year(int y) {
    auto p = [](int64_t yy) { return (yy + yy / 4 - yy / 100 + yy / 400) % 7; };
    return 52 + ((p(y) == 4 || p(y - 1) == 3) ? 1 : 0);
}

// ISO 8601 week-based year and week number (%G %V).
void iso_week(const CivilTime& c, int& iso_year, int& week) {
    week = (c.yday - 1 - c.weekday + 10) / 7;
    iso_year = c.year;
    if (week < 1) {
        iso_year = c.year - 1;
        week = iso_weeks_in_year(iso_year);
    } else if (week > iso_weeks_in_year(c.year)) {
        iso_year = c.year + 1;
        week = 1;
    }
}

}  // namespace

EpochMicros epoch_micros_from_seconds(double t) {
    // CPython's _PyTime_DoubleToDenominator with _PyTime_ROUND_HALF_EVEN.
    double intpart;
    double floatpart = std::modf(t, &intpart);
    floatpart *= 1e6;
    floatpart = std::nearbyint(floatpart);  // half even in the default rounding mode
    if (floatpart >= 1e6) {
        floatpart -= 1e6;
        intpart += 1.0;
    } else if (floatpart < 0) {
        floatpart += 1e6;
        intpart -= 1.0;
    }
    return static_cast<int64_t>(intpart) * kMicrosPerSecond + static_cast<int64_t>(floatpart);
}

CivilTime civil_from_micros(EpochMicros us) {
    CivilTime c;
    const int64_t days = floor_div(us, kMicrosPerDay);
    int64_t rem = us - days * kMicrosPerDay;
    civil_from_days(days, c.year, c.month, c.day);
    c.microsecond = static_cast<int>(rem % kMicrosPerSecond);
    rem /= kMicrosPerSecond;
    c.second = static_cast<int>(rem % 60);
    c.minute = static_cast<int>((rem / 60) % 60);
    c.hour = static_cast<int>(rem / 3600);
    c.weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
    c.yday = static_cast<int>(days - days_from_civil(c.year, 1, 1) + 1);
    return c;
}

CivilTime struct_time_from_seconds(double t) {
    return civil_from_micros(static_cast<int64_t>(std::floor(t)) * kMicrosPerSecond);
}

EpochMicros micros_from_civil(const CivilTime& c) {
    const int64_t days = days_from_civil(c.year, c.month, c.day);
    return ((days * 24 + c.hour) * 60 + c.minute) * 60 * kMicrosPerSecond + c.second * kMicrosPerSecond +
           c.microsecond;
}

std::string datetime_isoformat(const CivilTime& c, char sep) {
    std::string out;
    out.reserve(26);
    append_num(out, c.year, 4);
    out.push_back('-');
    append_num(out, c.month, 2);
    out.push_back('-');
    append_num(out, c.day, 2);
    out.push_back(sep);
    append_num(out, c.hour, 2);
    out.push_back(':');
    append_num(out, c.minute, 2);
    out.push_back(':');
    append_num(out, c.second, 2);
    if (c.microsecond) {
        out.push_back('.');
        append_num(out, c.microsecond, 6);
    }
    return out;
}

std::string datetime_str(const CivilTime& c) { return datetime_isoformat(c, ' '); }

std::string datetime_repr(const CivilTime& c) {
    std::string out = "datetime.datetime(";
    const int fields[] = {c.year, c.month, c.day, c.hour, c.minute, c.second, c.microsecond};
    int count = c.microsecond ? 7 : c.second ? 6 : 5;
    for (int i = 0; i < count; ++i) {
        if (i) out += ", ";
        append_num(out, fields[i], 0);
    }
    out.push_back(')');
    return out;
}

std::string strftime(const CivilTime& c, std::string_view fmt, std::string_view zone, bool allow_f) {
    std::string out;
    out.reserve(fmt.size() + 16);
    const int wday_sun0 = (c.weekday + 1) % 7;  // %w: Sunday = 0
    const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%' || i + 1 >= fmt.size()) {
            out.push_back(fmt[i]);
            continue;
        }
        const char d = fmt[++i];
        switch (d) {
        case 'a': out += kDayAbbr[c.weekday]; break;
        case 'A': out += kDayName[c.weekday]; break;
        case 'b':
        case 'h': out += kMonAbbr[c.month - 1]; break;
        case 'B': out += kMonName[c.month - 1]; break;
        case 'c': out += strftime(c, "%a %b %e %H:%M:%S %Y", zone, allow_f); break;
        case 'C': append_num(out, c.year / 100, 2); break;
        case 'd': append_num(out, c.day, 2); break;
        case 'D': out += strftime(c, "%m/%d/%y", zone, allow_f); break;
        case 'e': append_num(out, c.day, 2, ' '); break;
        case 'f':
            if (allow_f) append_num(out, c.microsecond, 6);
            else out += "%f";
            break;
        case 'F': out += strftime(c, "%Y-%m-%d", zone, allow_f); break;
        case 'G':
        case 'g':
        case 'V': {
            int iy = 0, wk = 0;
            iso_week(c, iy, wk);
            if (d == 'G') append_num(out, iy, 0);
            else if (d == 'g') append_num(out, iy % 100, 2);
            else append_num(out, wk, 2);
            break;
        }
        case 'H': append_num(out, c.hour, 2); break;
        case 'I': append_num(out, hour12, 2); break;
        case 'j': append_num(out, c.yday, 3); break;
        case 'k': append_num(out, c.hour, 2, ' '); break;
        case 'l': append_num(out, hour12, 2, ' '); break;
        case 'm': append_num(out, c.month, 2); break;
        case 'M': append_num(out, c.minute, 2); break;
        case 'n': out.push_back('\n'); break;
        case 'p': out += c.hour < 12 ? "AM" : "PM"; break;
        case 'P': out += c.hour < 12 ? "am" : "pm"; break;
        case 'r': out += strftime(c, "%I:%M:%S %p", zone, allow_f); break;
        case 'R': out += strftime(c, "%H:%M", zone, allow_f); break;
        case 'S': append_num(out, c.second, 2); break;
        case 't': out.push_back('\t'); break;
        case 'T':
        case 'X': out += strftime(c, "%H:%M:%S", zone, allow_f); break;
        case 'u': append_num(out, c.weekday + 1, 0); break;
        case 'U': append_num(out, (c.yday - 1 + 7 - wday_sun0) / 7, 2); break;
        case 'w': append_num(out, wday_sun0, 0); break;
        case 'W': append_num(out, (c.yday - 1 + 7 - c.weekday) / 7, 2); break;
        case 'x': out += strftime(c, "%m/%d/%y", zone, allow_f); break;
        case 'y': append_num(out, c.year % 100, 2); break;
        case 'Y': append_num(out, c.year, 0); break;
        case 'z':
            if (!zone.empty()) out += "+0000";
            break;
        case 'Z': out += zone; break;
        case '%': out.push_back('%'); break;
        default:
            out.push_back('%');
            out.push_back(d);
            break;
        }
    }
    return out;
}

TimeDelta TimeDelta::from_micros(int64_t us) {
    TimeDelta td;
    td.days = floor_div(us, kMicrosPerDay);
    int64_t rem = us - td.days * kMicrosPerDay;
    td.seconds = static_cast<int32_t>(rem / kMicrosPerSecond);
    td.microseconds = static_cast<int32_t>(rem % kMicrosPerSecond);
    return td;
}

NumError timedelta_from_parts(const TimeDeltaPart& days, const TimeDeltaPart& seconds,
                              const TimeDeltaPart& microseconds, const TimeDeltaPart& milliseconds,
                              const TimeDeltaPart& minutes, const TimeDeltaPart& hours, const TimeDeltaPart& weeks,
                              TimeDelta& out) {
    // CPython's delta_new/accum: x is the exact running sum of
    // microseconds; float fractions go to `leftover`, rounded at the end.
    // 128 bits hold any sum of in-range parts; larger inputs are rejected.
    using i128 = __int128;
    const i128 kLimit = static_cast<i128>(1) << 120;
    i128 x = 0;
    double leftover = 0.0;
    bool overflow = false;
    auto accum = [&](const TimeDeltaPart& part, int64_t factor) {
        if (!part.is_float) {
            x += static_cast<i128>(part.i) * factor;
            return;
        }
        double intpart;
        double frac = std::modf(part.f, &intpart);
        if (!std::isfinite(part.f) || std::fabs(intpart) > 1e20) {
            overflow = true;
            return;
        }
        x += static_cast<i128>(intpart) * factor;
        if (frac == 0.0) return;
        double scaled = static_cast<double>(factor) * frac;
        frac = std::modf(scaled, &intpart);
        x += static_cast<i128>(intpart);
        leftover += frac;
    };
    accum(microseconds, 1);
    accum(milliseconds, 1000);
    accum(seconds, kMicrosPerSecond);
    accum(minutes, 60 * kMicrosPerSecond);
    accum(hours, 3600 * kMicrosPerSecond);
    accum(days, kMicrosPerDay);
    accum(weeks, 7 * kMicrosPerDay);
    if (leftover != 0.0 && !overflow) {
        double whole = std::round(leftover);
        if (std::fabs(whole - leftover) == 0.5) {
            // Exactly halfway: round half to even on the total.
            const int x_is_odd = static_cast<int>(x & 1) != 0 ? 1 : 0;
            whole = 2.0 * std::round((leftover + x_is_odd) * 0.5) - x_is_odd;
        }
        x += static_cast<i128>(whole);
    }
    if (overflow || x > kLimit || x < -kLimit) overflow = true;
    i128 day_count = 0;
    if (!overflow) {
        day_count = x / kMicrosPerDay;
        if (x % kMicrosPerDay < 0) --day_count;
    }
    if (overflow || day_count > 999999999 || day_count < -999999999) {
        std::string m = "days=";
        if (overflow) {
            m += "out of range";
        } else {
            append_num(m, static_cast<int64_t>(day_count), 0);
        }
        m += "; must have magnitude <= 999999999";
        return {ErrorKind::OverflowError, std::move(m)};
    }
    out.days = static_cast<int64_t>(day_count);
    const int64_t rem = static_cast<int64_t>(x - day_count * kMicrosPerDay);
    out.seconds = static_cast<int32_t>(rem / kMicrosPerSecond);
    out.microseconds = static_cast<int32_t>(rem % kMicrosPerSecond);
    return {};
}

double TimeDelta::total_seconds() const {
    if (days > -100000 && days < 100000) {
        const int64_t us = total_micros();  // below 2**53: one exact-input division
        return static_cast<double>(us) / 1e6;
    }
    BigInt us = BigInt(days) * BigInt(86400 * kMicrosPerSecond) + BigInt(int64_t{seconds} * kMicrosPerSecond + microseconds);
    bool overflow = false;
    return true_divide(us, BigInt(kMicrosPerSecond), overflow);
}

double datetime_timestamp(EpochMicros us) {
    const int64_t secs = floor_div(us, kMicrosPerSecond);
    return static_cast<double>(secs) + static_cast<double>(us - secs * kMicrosPerSecond) / 1e6;
}

std::string timedelta_str(const TimeDelta& td) {
    std::string out;
    if (td.days) {
        append_num(out, td.days, 0);
        out += (td.days == 1 || td.days == -1) ? " day, " : " days, ";
    }
    append_num(out, td.seconds / 3600, 0);
    out.push_back(':');
    append_num(out, (td.seconds / 60) % 60, 2);
    out.push_back(':');
    append_num(out, td.seconds % 60, 2);
    if (td.microseconds) {
        out.push_back('.');
        append_num(out, td.microseconds, 6);
    }
    return out;
}

std::string timedelta_repr(const TimeDelta& td) {
    std::string out = "datetime.timedelta(";
    bool any = false;
    auto field = [&](const char* name, int64_t v) {
        if (!v) return;
        if (any) out += ", ";
        out += name;
        out.push_back('=');
        append_num(out, v, 0);
        any = true;
    };
    field("days", td.days);
    field("seconds", td.seconds);
    field("microseconds", td.microseconds);
    if (!any) out.push_back('0');
    out.push_back(')');
    return out;
}

}  // namespace corolab::num

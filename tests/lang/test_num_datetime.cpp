// Civil time for the virtual wall clock against CPython 3.11's datetime and
// time.strftime.
#include <catch2/catch.hpp>

#include <string>

#include "lang/num/datetime_format.hpp"
#include "lang/num/float_format.hpp"

namespace num = corolab::num;

namespace {

struct DtRow {
    double t;
    const char *repr, *str, *iso, *strftime, *time_strftime;
};
struct TdRow {
    long long us;
    const char *str, *repr, *total_seconds;
};

// rows: t, repr/str/isoformat of datetime.fromtimestamp(t, timezone.utc).replace(tzinfo=None), dt.strftime(FMT), time.strftime(FMT2, time.gmtime(t))
const char* const kFmt = "%Y %m %d %H %M %S %f|%X|%x|%c|%a %A %b %B %p %I %j %y|%e %D %T %F %R|%U %W %w %u|%G %g %V|%C %k %l %P %r|%Z|%z|%%|%q";
const char* const kFmt2 = "%Y-%m-%d %H:%M:%S %Z %a %j %f";
const DtRow kDtRows[] = {
    {946684800.0, "datetime.datetime(2000, 1, 1, 0, 0)", "2000-01-01 00:00:00", "2000-01-01T00:00:00", "2000 01 01 00 00 00 000000|00:00:00|01/01/00|Sat Jan  1 00:00:00 2000|Sat Saturday Jan January AM 12 001 00| 1 01/01/00 00:00:00 2000-01-01 00:00|00 00 6 6|1999 99 52|20  0 12 am 12:00:00 AM|||%|%q", "2000-01-01 00:00:00 GMT Sat 001 %f"},  // 946684800.0
    {946684801.5, "datetime.datetime(2000, 1, 1, 0, 0, 1, 500000)", "2000-01-01 00:00:01.500000", "2000-01-01T00:00:01.500000", "2000 01 01 00 00 01 500000|00:00:01|01/01/00|Sat Jan  1 00:00:01 2000|Sat Saturday Jan January AM 12 001 00| 1 01/01/00 00:00:01 2000-01-01 00:00|00 00 6 6|1999 99 52|20  0 12 am 12:00:01 AM|||%|%q", "2000-01-01 00:00:01 GMT Sat 001 %f"},  // 946684801.5
    {946684800.0000005, "datetime.datetime(2000, 1, 1, 0, 0)", "2000-01-01 00:00:00", "2000-01-01T00:00:00", "2000 01 01 00 00 00 000000|00:00:00|01/01/00|Sat Jan  1 00:00:00 2000|Sat Saturday Jan January AM 12 001 00| 1 01/01/00 00:00:00 2000-01-01 00:00|00 00 6 6|1999 99 52|20  0 12 am 12:00:00 AM|||%|%q", "2000-01-01 00:00:00 GMT Sat 001 %f"},  // 946684800.0000005
    {946684800.0000015, "datetime.datetime(2000, 1, 1, 0, 0, 0, 2)", "2000-01-01 00:00:00.000002", "2000-01-01T00:00:00.000002", "2000 01 01 00 00 00 000002|00:00:00|01/01/00|Sat Jan  1 00:00:00 2000|Sat Saturday Jan January AM 12 001 00| 1 01/01/00 00:00:00 2000-01-01 00:00|00 00 6 6|1999 99 52|20  0 12 am 12:00:00 AM|||%|%q", "2000-01-01 00:00:00 GMT Sat 001 %f"},  // 946684800.0000015
    {946684800.9999996, "datetime.datetime(2000, 1, 1, 0, 0, 1)", "2000-01-01 00:00:01", "2000-01-01T00:00:01", "2000 01 01 00 00 01 000000|00:00:01|01/01/00|Sat Jan  1 00:00:01 2000|Sat Saturday Jan January AM 12 001 00| 1 01/01/00 00:00:01 2000-01-01 00:00|00 00 6 6|1999 99 52|20  0 12 am 12:00:01 AM|||%|%q", "2000-01-01 00:00:00 GMT Sat 001 %f"},  // 946684800.9999996
    {946684800.1, "datetime.datetime(2000, 1, 1, 0, 0, 0, 100000)", "2000-01-01 00:00:00.100000", "2000-01-01T00:00:00.100000", "2000 01 01 00 00 00 100000|00:00:00|01/01/00|Sat Jan  1 00:00:00 2000|Sat Saturday Jan January AM 12 001 00| 1 01/01/00 00:00:00 2000-01-01 00:00|00 00 6 6|1999 99 52|20  0 12 am 12:00:00 AM|||%|%q", "2000-01-01 00:00:00 GMT Sat 001 %f"},  // 946684800.1
    {946684800.3, "datetime.datetime(2000, 1, 1, 0, 0, 0, 300000)", "2000-01-01 00:00:00.300000", "2000-01-01T00:00:00.300000", "2000 01 01 00 00 00 300000|00:00:00|01/01/00|Sat Jan  1 00:00:00 2000|Sat Saturday Jan January AM 12 001 00| 1 01/01/00 00:00:00 2000-01-01 00:00|00 00 6 6|1999 99 52|20  0 12 am 12:00:00 AM|||%|%q", "2000-01-01 00:00:00 GMT Sat 001 %f"},  // 946684800.3
    {0.0, "datetime.datetime(1970, 1, 1, 0, 0)", "1970-01-01 00:00:00", "1970-01-01T00:00:00", "1970 01 01 00 00 00 000000|00:00:00|01/01/70|Thu Jan  1 00:00:00 1970|Thu Thursday Jan January AM 12 001 70| 1 01/01/70 00:00:00 1970-01-01 00:00|00 00 4 4|1970 70 01|19  0 12 am 12:00:00 AM|||%|%q", "1970-01-01 00:00:00 GMT Thu 001 %f"},  // 0.0
    {86399.999999, "datetime.datetime(1970, 1, 1, 23, 59, 59, 999999)", "1970-01-01 23:59:59.999999", "1970-01-01T23:59:59.999999", "1970 01 01 23 59 59 999999|23:59:59|01/01/70|Thu Jan  1 23:59:59 1970|Thu Thursday Jan January PM 11 001 70| 1 01/01/70 23:59:59 1970-01-01 23:59|00 00 4 4|1970 70 01|19 23 11 pm 11:59:59 PM|||%|%q", "1970-01-01 23:59:59 GMT Thu 001 %f"},  // 86399.999999
    {-1.5, "datetime.datetime(1969, 12, 31, 23, 59, 58, 500000)", "1969-12-31 23:59:58.500000", "1969-12-31T23:59:58.500000", "1969 12 31 23 59 58 500000|23:59:58|12/31/69|Wed Dec 31 23:59:58 1969|Wed Wednesday Dec December PM 11 365 69|31 12/31/69 23:59:58 1969-12-31 23:59|52 52 3 3|1970 70 01|19 23 11 pm 11:59:58 PM|||%|%q", "1969-12-31 23:59:58 GMT Wed 365 %f"},  // -1.5
    {951782400.0, "datetime.datetime(2000, 2, 29, 0, 0)", "2000-02-29 00:00:00", "2000-02-29T00:00:00", "2000 02 29 00 00 00 000000|00:00:00|02/29/00|Tue Feb 29 00:00:00 2000|Tue Tuesday Feb February AM 12 060 00|29 02/29/00 00:00:00 2000-02-29 00:00|09 09 2 2|2000 00 09|20  0 12 am 12:00:00 AM|||%|%q", "2000-02-29 00:00:00 GMT Tue 060 %f"},  // 951782400.0
    {978220799.75, "datetime.datetime(2000, 12, 30, 23, 59, 59, 750000)", "2000-12-30 23:59:59.750000", "2000-12-30T23:59:59.750000", "2000 12 30 23 59 59 750000|23:59:59|12/30/00|Sat Dec 30 23:59:59 2000|Sat Saturday Dec December PM 11 365 00|30 12/30/00 23:59:59 2000-12-30 23:59|52 52 6 6|2000 00 52|20 23 11 pm 11:59:59 PM|||%|%q", "2000-12-30 23:59:59 GMT Sat 365 %f"},  // 978220799.75
    {1700000000.123456, "datetime.datetime(2023, 11, 14, 22, 13, 20, 123456)", "2023-11-14 22:13:20.123456", "2023-11-14T22:13:20.123456", "2023 11 14 22 13 20 123456|22:13:20|11/14/23|Tue Nov 14 22:13:20 2023|Tue Tuesday Nov November PM 10 318 23|14 11/14/23 22:13:20 2023-11-14 22:13|46 46 2 2|2023 23 46|20 22 10 pm 10:13:20 PM|||%|%q", "2023-11-14 22:13:20 GMT Tue 318 %f"},  // 1700000000.123456
    {4102444800.0, "datetime.datetime(2100, 1, 1, 0, 0)", "2100-01-01 00:00:00", "2100-01-01T00:00:00", "2100 01 01 00 00 00 000000|00:00:00|01/01/00|Fri Jan  1 00:00:00 2100|Fri Friday Jan January AM 12 001 00| 1 01/01/00 00:00:00 2100-01-01 00:00|00 00 5 5|2099 99 53|21  0 12 am 12:00:00 AM|||%|%q", "2100-01-01 00:00:00 GMT Fri 001 %f"},  // 4102444800.0
    {1230768000.0, "datetime.datetime(2009, 1, 1, 0, 0)", "2009-01-01 00:00:00", "2009-01-01T00:00:00", "2009 01 01 00 00 00 000000|00:00:00|01/01/09|Thu Jan  1 00:00:00 2009|Thu Thursday Jan January AM 12 001 09| 1 01/01/09 00:00:00 2009-01-01 00:00|00 00 4 4|2009 09 01|20  0 12 am 12:00:00 AM|||%|%q", "2009-01-01 00:00:00 GMT Thu 001 %f"},  // 1230768000.0
    {1104537600.0, "datetime.datetime(2005, 1, 1, 0, 0)", "2005-01-01 00:00:00", "2005-01-01T00:00:00", "2005 01 01 00 00 00 000000|00:00:00|01/01/05|Sat Jan  1 00:00:00 2005|Sat Saturday Jan January AM 12 001 05| 1 01/01/05 00:00:00 2005-01-01 00:00|00 00 6 6|2004 04 53|20  0 12 am 12:00:00 AM|||%|%q", "2005-01-01 00:00:00 GMT Sat 001 %f"},  // 1104537600.0
    {1609459200.0, "datetime.datetime(2021, 1, 1, 0, 0)", "2021-01-01 00:00:00", "2021-01-01T00:00:00", "2021 01 01 00 00 00 000000|00:00:00|01/01/21|Fri Jan  1 00:00:00 2021|Fri Friday Jan January AM 12 001 21| 1 01/01/21 00:00:00 2021-01-01 00:00|00 00 5 5|2020 20 53|20  0 12 am 12:00:00 AM|||%|%q", "2021-01-01 00:00:00 GMT Fri 001 %f"},  // 1609459200.0
    {2491606779.55881, "datetime.datetime(2048, 12, 15, 0, 59, 39, 558810)", "2048-12-15 00:59:39.558810", "2048-12-15T00:59:39.558810", "2048 12 15 00 59 39 558810|00:59:39|12/15/48|Tue Dec 15 00:59:39 2048|Tue Tuesday Dec December AM 12 350 48|15 12/15/48 00:59:39 2048-12-15 00:59|50 50 2 2|2048 48 51|20  0 12 am 12:59:39 AM|||%|%q", "2048-12-15 00:59:39 GMT Tue 350 %f"},  // 2491606779.55881
    {3180774262.0, "datetime.datetime(2070, 10, 17, 12, 24, 22)", "2070-10-17 12:24:22", "2070-10-17T12:24:22", "2070 10 17 12 24 22 000000|12:24:22|10/17/70|Fri Oct 17 12:24:22 2070|Fri Friday Oct October PM 12 290 70|17 10/17/70 12:24:22 2070-10-17 12:24|41 41 5 5|2070 70 42|20 12 12 pm 12:24:22 PM|||%|%q", "2070-10-17 12:24:22 GMT Fri 290 %f"},  // 3180774262.0
    {3361392482.091, "datetime.datetime(2076, 7, 8, 0, 8, 2, 91000)", "2076-07-08 00:08:02.091000", "2076-07-08T00:08:02.091000", "2076 07 08 00 08 02 091000|00:08:02|07/08/76|Wed Jul  8 00:08:02 2076|Wed Wednesday Jul July AM 12 190 76| 8 07/08/76 00:08:02 2076-07-08 00:08|27 27 3 3|2076 76 28|20  0 12 am 12:08:02 AM|||%|%q", "2076-07-08 00:08:02 GMT Wed 190 %f"},  // 3361392482.091
    {2595898212.55, "datetime.datetime(2052, 4, 5, 2, 50, 12, 550000)", "2052-04-05 02:50:12.550000", "2052-04-05T02:50:12.550000", "2052 04 05 02 50 12 550000|02:50:12|04/05/52|Fri Apr  5 02:50:12 2052|Fri Friday Apr April AM 02 096 52| 5 04/05/52 02:50:12 2052-04-05 02:50|13 14 5 5|2052 52 14|20  2  2 am 02:50:12 AM|||%|%q", "2052-04-05 02:50:12 GMT Fri 096 %f"},  // 2595898212.55
    {452823858.6125774, "datetime.datetime(1984, 5, 8, 0, 24, 18, 612577)", "1984-05-08 00:24:18.612577", "1984-05-08T00:24:18.612577", "1984 05 08 00 24 18 612577|00:24:18|05/08/84|Tue May  8 00:24:18 1984|Tue Tuesday May May AM 12 129 84| 8 05/08/84 00:24:18 1984-05-08 00:24|19 19 2 2|1984 84 19|19  0 12 am 12:24:18 AM|||%|%q", "1984-05-08 00:24:18 GMT Tue 129 %f"},  // 452823858.6125774
    {3473781831.460381, "datetime.datetime(2080, 1, 29, 19, 23, 51, 460381)", "2080-01-29 19:23:51.460381", "2080-01-29T19:23:51.460381", "2080 01 29 19 23 51 460381|19:23:51|01/29/80|Mon Jan 29 19:23:51 2080|Mon Monday Jan January PM 07 029 80|29 01/29/80 19:23:51 2080-01-29 19:23|04 05 1 1|2080 80 05|20 19  7 pm 07:23:51 PM|||%|%q", "2080-01-29 19:23:51 GMT Mon 029 %f"},  // 3473781831.460381
    {2175043436.944, "datetime.datetime(2038, 12, 4, 2, 43, 56, 944000)", "2038-12-04 02:43:56.944000", "2038-12-04T02:43:56.944000", "2038 12 04 02 43 56 944000|02:43:56|12/04/38|Sat Dec  4 02:43:56 2038|Sat Saturday Dec December AM 02 338 38| 4 12/04/38 02:43:56 2038-12-04 02:43|48 48 6 6|2038 38 48|20  2  2 am 02:43:56 AM|||%|%q", "2038-12-04 02:43:56 GMT Sat 338 %f"},  // 2175043436.944
    {52456758.356, "datetime.datetime(1971, 8, 31, 3, 19, 18, 356000)", "1971-08-31 03:19:18.356000", "1971-08-31T03:19:18.356000", "1971 08 31 03 19 18 356000|03:19:18|08/31/71|Tue Aug 31 03:19:18 1971|Tue Tuesday Aug August AM 03 243 71|31 08/31/71 03:19:18 1971-08-31 03:19|35 35 2 2|1971 71 35|19  3  3 am 03:19:18 AM|||%|%q", "1971-08-31 03:19:18 GMT Tue 243 %f"},  // 52456758.356
    {1632604219.9, "datetime.datetime(2021, 9, 25, 21, 10, 19, 900000)", "2021-09-25 21:10:19.900000", "2021-09-25T21:10:19.900000", "2021 09 25 21 10 19 900000|21:10:19|09/25/21|Sat Sep 25 21:10:19 2021|Sat Saturday Sep September PM 09 268 21|25 09/25/21 21:10:19 2021-09-25 21:10|38 38 6 6|2021 21 38|20 21  9 pm 09:10:19 PM|||%|%q", "2021-09-25 21:10:19 GMT Sat 268 %f"},  // 1632604219.9
    {3665381487.234208, "datetime.datetime(2086, 2, 24, 9, 31, 27, 234208)", "2086-02-24 09:31:27.234208", "2086-02-24T09:31:27.234208", "2086 02 24 09 31 27 234208|09:31:27|02/24/86|Sun Feb 24 09:31:27 2086|Sun Sunday Feb February AM 09 055 86|24 02/24/86 09:31:27 2086-02-24 09:31|08 07 0 7|2086 86 08|20  9  9 am 09:31:27 AM|||%|%q", "2086-02-24 09:31:27 GMT Sun 055 %f"},  // 3665381487.234208
    {638416849.4, "datetime.datetime(1990, 3, 26, 2, 0, 49, 400000)", "1990-03-26 02:00:49.400000", "1990-03-26T02:00:49.400000", "1990 03 26 02 00 49 400000|02:00:49|03/26/90|Mon Mar 26 02:00:49 1990|Mon Monday Mar March AM 02 085 90|26 03/26/90 02:00:49 1990-03-26 02:00|12 13 1 1|1990 90 13|19  2  2 am 02:00:49 AM|||%|%q", "1990-03-26 02:00:49 GMT Mon 085 %f"},  // 638416849.4
    {555069673.5956126, "datetime.datetime(1987, 8, 4, 10, 1, 13, 595613)", "1987-08-04 10:01:13.595613", "1987-08-04T10:01:13.595613", "1987 08 04 10 01 13 595613|10:01:13|08/04/87|Tue Aug  4 10:01:13 1987|Tue Tuesday Aug August AM 10 216 87| 4 08/04/87 10:01:13 1987-08-04 10:01|31 31 2 2|1987 87 32|19 10 10 am 10:01:13 AM|||%|%q", "1987-08-04 10:01:13 GMT Tue 216 %f"},  // 555069673.5956126
    {506796930.0, "datetime.datetime(1986, 1, 22, 16, 55, 30)", "1986-01-22 16:55:30", "1986-01-22T16:55:30", "1986 01 22 16 55 30 000000|16:55:30|01/22/86|Wed Jan 22 16:55:30 1986|Wed Wednesday Jan January PM 04 022 86|22 01/22/86 16:55:30 1986-01-22 16:55|03 03 3 3|1986 86 04|19 16  4 pm 04:55:30 PM|||%|%q", "1986-01-22 16:55:30 GMT Wed 022 %f"},  // 506796930.0
    {3889349159.0, "datetime.datetime(2093, 3, 31, 14, 45, 59)", "2093-03-31 14:45:59", "2093-03-31T14:45:59", "2093 03 31 14 45 59 000000|14:45:59|03/31/93|Tue Mar 31 14:45:59 2093|Tue Tuesday Mar March PM 02 090 93|31 03/31/93 14:45:59 2093-03-31 14:45|13 13 2 2|2093 93 14|20 14  2 pm 02:45:59 PM|||%|%q", "2093-03-31 14:45:59 GMT Tue 090 %f"},  // 3889349159.0
    {837825529.98, "datetime.datetime(1996, 7, 20, 1, 18, 49, 980000)", "1996-07-20 01:18:49.980000", "1996-07-20T01:18:49.980000", "1996 07 20 01 18 49 980000|01:18:49|07/20/96|Sat Jul 20 01:18:49 1996|Sat Saturday Jul July AM 01 202 96|20 07/20/96 01:18:49 1996-07-20 01:18|28 29 6 6|1996 96 29|19  1  1 am 01:18:49 AM|||%|%q", "1996-07-20 01:18:49 GMT Sat 202 %f"},  // 837825529.98
};
// rows: microseconds, str(td), repr(td), td.total_seconds() repr
const TdRow kTdRows[] = {
    {1500000LL, "0:00:01.500000", "datetime.timedelta(seconds=1, microseconds=500000)", "1.5"},
    {86400000000LL, "1 day, 0:00:00", "datetime.timedelta(days=1)", "86400.0"},
    {-1000000LL, "-1 day, 23:59:59", "datetime.timedelta(days=-1, seconds=86399)", "-1.0"},
    {-172795000000LL, "-2 days, 0:00:05", "datetime.timedelta(days=-2, seconds=5)", "-172795.0"},
    {0LL, "0:00:00", "datetime.timedelta(0)", "0.0"},
    {273600000007LL, "3 days, 4:00:00.000007", "datetime.timedelta(days=3, seconds=14400, microseconds=7)", "273600.000007"},
    {-1LL, "-1 day, 23:59:59.999999", "datetime.timedelta(days=-1, seconds=86399, microseconds=999999)", "-1e-06"},
    {-86400000000LL, "-1 day, 0:00:00", "datetime.timedelta(days=-1)", "-86400.0"},
    {123456789012LL, "1 day, 10:17:36.789012", "datetime.timedelta(days=1, seconds=37056, microseconds=789012)", "123456.789012"},
    {-987654321LL, "-1 day, 23:43:32.345679", "datetime.timedelta(days=-1, seconds=85412, microseconds=345679)", "-987.654321"},
    {90000000000LL, "1 day, 1:00:00", "datetime.timedelta(days=1, seconds=3600)", "90000.0"},
    {999999LL, "0:00:00.999999", "datetime.timedelta(microseconds=999999)", "0.999999"},
};

}  // namespace

TEST_CASE("datetime.fromtimestamp text matches CPython", "[num][datetime]") {
    for (const auto& r : kDtRows) {
        INFO("t = " << num::float_repr(r.t));
        num::EpochMicros us = num::epoch_micros_from_seconds(r.t);
        num::CivilTime c = num::civil_from_micros(us);
        CHECK(num::datetime_repr(c) == r.repr);
        CHECK(num::datetime_str(c) == r.str);
        CHECK(num::datetime_isoformat(c) == r.iso);
        CHECK(num::strftime(c, kFmt) == r.strftime);
        CHECK(num::micros_from_civil(c) == us);
        // time.strftime(fmt, time.gmtime(t)): whole seconds, "%f" untouched
        CHECK(num::strftime(num::struct_time_from_seconds(r.t), kFmt2, "GMT", false) == r.time_strftime);
    }
}

TEST_CASE("timedelta text and total_seconds match CPython", "[num][datetime]") {
    for (const auto& r : kTdRows) {
        INFO("timedelta(microseconds=" << r.us << ")");
        num::TimeDelta td = num::TimeDelta::from_micros(r.us);
        CHECK(td.total_micros() == r.us);
        CHECK(num::timedelta_str(td) == r.str);
        CHECK(num::timedelta_repr(td) == r.repr);
        CHECK(num::float_repr(td.total_seconds()) == r.total_seconds);
    }
    // datetime(2000, 1, 2, 3) - datetime(2000, 1, 1, 0, 0, 1, 500000) == timedelta(days=1, seconds=10798, microseconds=500000)
    num::CivilTime a{2000, 1, 2, 3, 0, 0, 0}, b{2000, 1, 1, 0, 0, 1, 500000};
    num::TimeDelta d = num::TimeDelta::from_micros(num::micros_from_civil(a) - num::micros_from_civil(b));
    CHECK(num::timedelta_repr(d) == "datetime.timedelta(days=1, seconds=10798, microseconds=500000)");
    CHECK(num::timedelta_str(d) == "1 day, 2:59:58.500000");
}

TEST_CASE("timedelta() from int and float parts rounds as CPython", "[num][datetime]") {
    auto I = [](int64_t v) { num::TimeDeltaPart p; p.i = v; return p; };
    auto F = [](double v) { num::TimeDeltaPart p; p.is_float = true; p.f = v; return p; };
    const num::TimeDeltaPart z = I(0);
    struct Case {
        num::TimeDeltaPart days, seconds, us, ms, minutes, hours, weeks;
        const char* repr;  // or the OverflowError message
    };
    // repr(datetime.timedelta(**kwargs)) in CPython 3.11
    const Case cases[] = {
        {z, F(1.5), z, z, z, z, z, "datetime.timedelta(seconds=1, microseconds=500000)"},             // seconds=1.5
        {z, F(0.1), z, z, z, z, z, "datetime.timedelta(microseconds=100000)"},                        // seconds=0.1
        {z, z, z, F(1.5), z, z, z, "datetime.timedelta(microseconds=1500)"},                          // milliseconds=1.5
        {z, z, F(0.5), z, z, z, z, "datetime.timedelta(0)"},                                          // microseconds=0.5
        {z, z, F(1.5), z, z, z, z, "datetime.timedelta(microseconds=2)"},                             // microseconds=1.5
        {z, z, F(2.5), z, z, z, z, "datetime.timedelta(microseconds=2)"},                             // microseconds=2.5
        {z, F(1e-7), z, z, z, z, z, "datetime.timedelta(0)"},                                         // seconds=1e-7
        {F(1.1), F(0.3), z, z, z, z, z, "datetime.timedelta(days=1, seconds=8640, microseconds=300000)"},
        {z, z, z, z, z, F(-1.25), z, "datetime.timedelta(days=-1, seconds=81900)"},                    // hours=-1.25
        {z, z, z, z, F(3.7), z, F(0.001), "datetime.timedelta(seconds=826, microseconds=800000)"},    // weeks=0.001, minutes=3.7
        {z, F(-0.0000005), z, z, z, z, z, "datetime.timedelta(0)"},
        {I(999999999), z, z, z, z, z, z, "datetime.timedelta(days=999999999)"},
        {I(1000000000), z, z, z, z, z, z, "days=1000000000; must have magnitude <= 999999999"},
        {z, F(86400 * 1e9), z, z, z, z, z, "days=1000000000; must have magnitude <= 999999999"},
        {z, I(-30), z, z, I(1), z, z, "datetime.timedelta(seconds=30)"},                             // minutes=1, seconds=-30
        {z, z, F(-1.5), z, z, z, z, "datetime.timedelta(days=-1, seconds=86399, microseconds=999998)"},
        {z, F(2.0000005), z, z, z, z, z, "datetime.timedelta(seconds=2, microseconds=1)"},
        {I(-1), z, F(0.5), z, z, z, z, "datetime.timedelta(days=-1)"},
    };
    for (const auto& c : cases) {
        INFO(c.repr);
        num::TimeDelta td;
        auto err = num::timedelta_from_parts(c.days, c.seconds, c.us, c.ms, c.minutes, c.hours, c.weeks, td);
        if (err) {
            CHECK(err.kind == num::ErrorKind::OverflowError);
            CHECK(err.message == c.repr);
        } else {
            CHECK(num::timedelta_repr(td) == c.repr);
        }
    }
    // timedelta(days=999999999).total_seconds(), timedelta(days=-999999999, microseconds=1).total_seconds()
    num::TimeDelta big;
    REQUIRE_FALSE(num::timedelta_from_parts(I(999999999), z, z, z, z, z, z, big));
    CHECK(num::float_repr(big.total_seconds()) == "86399999913600.0");
    REQUIRE_FALSE(num::timedelta_from_parts(I(-999999999), z, I(1), z, z, z, z, big));
    CHECK(num::float_repr(big.total_seconds()) == "-86399999913600.0");
}

TEST_CASE("naive datetime timestamp()", "[num][datetime]") {
    // datetime(2000,1,1,0,0,1,500000).timestamp(), datetime(1969,12,31,23,59,59,999999).timestamp()
    num::CivilTime a{2000, 1, 1, 0, 0, 1, 500000}, b{1969, 12, 31, 23, 59, 59, 999999};
    CHECK(num::float_repr(num::datetime_timestamp(num::micros_from_civil(a))) == "946684801.5");
    CHECK(num::float_repr(num::datetime_timestamp(num::micros_from_civil(b))) == "-1.0000000000287557e-06");
}

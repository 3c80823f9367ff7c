# statistics: mean, fmean, median (low/high), mode, multimode, variance,
# pvariance, stdev, pstdev for ints and floats, as CPython 3.11 computes them:
# exact rational sums (so results round as CPython's do), int results where
# CPython gives an int, a correctly rounded square root.
import math
from collections import Counter

__all__ = ['StatisticsError', 'fmean', 'mean', 'median', 'median_high', 'median_low', 'mode', 'multimode',
           'pstdev', 'pvariance', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


# Exact values are (numerator, denominator) pairs of ints, denominator > 0
# (CPython uses fractions.Fraction, which corolab lacks).
def _ratio(x):
    if isinstance(x, int):
        return (int(x), 1)
    if not isinstance(x, float):
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")
    d = 1
    # doubling a float is exact: it becomes an integer after at most 1074 steps
    while x != int(x):
        x *= 2.0
        d *= 2
    return _reduced(int(x), d)


def _reduced(n, d):
    g = math.gcd(n, d)
    return (n // g, d // g) if g > 1 else (n, d)


def _add(a, b):
    return _reduced(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _div_int(a, k):
    return _reduced(a[0], a[1] * k)


# The type CPython converts the result to: int only when all data are ints.
def _type_of(data):
    T = int
    for x in data:
        if not isinstance(x, (int, float)):
            _ratio(x)  # the TypeError CPython raises
        if isinstance(x, float):
            T = float
    return T


def _convert(value, T):
    n, d = value
    if T is int and d == 1:
        return n
    return n / d


# The non-finite floats among the data, summed (CPython's partials[None]).
def _nonfinite_sum(data):
    total = None
    for x in data:
        if isinstance(x, float) and not math.isfinite(x):
            total = x if total is None else total + x
    return total


def _sum(data):
    total = (0, 1)
    for x in data:
        total = _add(total, _ratio(x))
    return total


def mean(data):
    data = list(data)
    T = _type_of(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    inf = _nonfinite_sum(data)
    if inf is not None:
        return inf / n
    return _convert(_div_int(_sum(data), n), T)


def fmean(data, weights=None):
    data = list(data)
    n = len(data)
    if weights is None:
        total = math.fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    weights = list(weights)
    num = math.fsum([x * w for x, w in zip(data, weights)])
    if n != len(weights):
        raise StatisticsError('data and weights must be the same length')
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def _sorted_data(data):
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data, len(data)


def median(data):
    data, n = _sorted_data(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data, n = _sorted_data(data)
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data, n = _sorted_data(data)
    return data[n // 2]


def mode(data):
    pairs = Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


# (type, sum of squared deviations, count) of the data, exact; with `c`
# given, the deviations are taken from it as CPython does. A non-finite
# datum makes the sum a float (nan or inf), as in CPython.
def _ss(data, c=None):
    data = list(data)
    if c is not None:
        devs = [(x - c) * (x - c) for x in data]
        T = _type_of(devs)
        inf = _nonfinite_sum(devs)
        return T, (inf if inf is not None else _sum(devs)), len(data)
    T = _type_of(data)
    n = len(data)
    inf = _nonfinite_sum(data)
    if inf is not None:
        return T, inf, n
    if not n:
        return T, (0, 1), 0
    sx = (0, 1)
    sxx = (0, 1)
    for x in data:
        r = _ratio(x)
        sx = _add(sx, r)
        sxx = _add(sxx, (r[0] * r[0], r[1] * r[1]))
    # (n * sxx - sx * sx) / n
    num = n * sxx[0] * sx[1] * sx[1] - sx[0] * sx[0] * sxx[1]
    return T, _reduced(num, sxx[1] * sx[1] * sx[1] * n), n


def _scaled(ss, k, T):
    if isinstance(ss, float):
        return ss / k
    return _convert(_div_int(ss, k), T)


def variance(data, xbar=None):
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _scaled(ss, n - 1, T)


def pvariance(data, mu=None):
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _scaled(ss, n, T)


def stdev(data, xbar=None):
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_of(ss, n - 1)


def pstdev(data, mu=None):
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_of(ss, n)


def _sqrt_of(ss, k):
    if isinstance(ss, float):
        return math.sqrt(ss / k)
    n, m = _div_int(ss, k)
    return _float_sqrt_of_frac(n, m)


def _bit_length(n):
    return len(bin(n)) - 2 if n else 0


def _isqrt(n):
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n == 0:
        return 0
    x = 1 << ((_bit_length(n) + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


# sqrt(n / m) rounded to the nearest integer, round-to-odd.
def _integer_sqrt_of_frac_rto(n, m):
    a = _isqrt(n // m)
    return a | (a * a * m != n)


# sqrt(n / m) as a correctly rounded float (CPython's method: enough bits,
# round-to-odd, one final rounding in the int division).
def _float_sqrt_of_frac(n, m):
    q = (_bit_length(n) - _bit_length(m) - 109) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator

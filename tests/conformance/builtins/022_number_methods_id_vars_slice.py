import math
tests = [
    lambda: 3 @ 4,
    lambda: 2.0 @ 1,
    lambda: '%(user)s' % {},
    lambda: id(1) == id(1),
    lambda: sorted(vars(type("A", (), {})) if False else []),
    lambda: (255).bit_length(),
    lambda: (0.75).as_integer_ratio(),
    lambda: math.isqrt(17),
    lambda: math.frexp(8.0),
    lambda: [1, 2, 3, 4][slice(1, 3)],
    lambda: "a\tb".expandtabs(4),
    lambda: (10).bit_count(),
    lambda: (3).__class__,
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
class P:
    def __init__(self):
        self.x = 1
p = P()
print(vars(p), p.__class__.__name__, id(p) == id(p), id(p) != id(P()))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(3), [0, 1, 2, 3, 4][slice(None, None, -1)], "abcdef"[slice(2, 4)])
print((2**100).bit_length(), (-5).bit_length(), (2**100 - 1).bit_count(), (-7).bit_count(), True.bit_length())
print((1.5).as_integer_ratio(), (-0.1).as_integer_ratio(), (3.0).is_integer(), (3.5).is_integer(), (5).as_integer_ratio())
print((7).real, (7).imag, (7).numerator, (7).denominator, (2.5).real, (2.5).imag, (3).conjugate())
print(math.isqrt(10**40 + 7), math.isqrt(0), math.frexp(0.0), math.frexp(-3.5), "x\ty\tz".expandtabs(), "ab\tc\nd\te".expandtabs(3))
for bad in (lambda: math.isqrt(-1), lambda: vars(5), lambda: (1e300 * 1e10).as_integer_ratio(), lambda: float("nan").as_integer_ratio()):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

import math
print(math.sqrt(16), math.sqrt(2), math.pi, math.e)
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7))
print(math.gcd(48, 18), math.factorial(20), math.isclose(0.1 + 0.2, 0.3))
print(math.log(math.e), math.log10(1000), math.log2(8), math.exp(1))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 6), math.hypot(3, 4))
print(math.inf, -math.inf, math.isnan(math.nan), math.fabs(-2))

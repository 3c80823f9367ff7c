print(round(2.5), round(3.5), round(-0.5), round(1.2345, 2), round(2.675, 2))
print(round(7), round(1234.5678, -2), round(0.125, 2))
print(abs(-3), abs(2.5), abs(-0.0))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)

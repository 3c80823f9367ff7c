for f in (lambda: str(1, 2, 3, 4), lambda: str(b=1), lambda: int(1, 2, 3), lambda: list(1, 2), lambda: tuple([1], 2), lambda: dict([], []), lambda: float(1, 2), lambda: bool(1, 2), lambda: set(1, 2)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
for f in (lambda: list(x=1), lambda: int("12", base=3), lambda: int(x=1), lambda: frozenset(1, 2), lambda: dict(a=1, b=2), lambda: float(x=1.0), lambda: str(object=5), lambda: tuple(iterable=[1])):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
for f in (lambda: int(5, 10), lambda: int(base=2), lambda: int("ff", 16)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)

# Calls of builtin types, str(x) / int(s, base) / float(s) ..., give the same
# results (and errors) as calling their __new__ explicitly: corolab takes a
# fast path for the first form and the generic lookup for the second.
vals = [0, -7, 2**70, 1.5, -0.0, 1e300, True, None, "abc", (1, "x"), [2, 3], {"k": 1}, range(3)]
for v in vals:
    print(repr(str(v)), str(v) == str.__new__(str, v))
for s in ["12", " -3 ", "0x1f", "1_000", "0b2"]:
    try:
        print(int(s, 0), int.__new__(int, s, 0))
    except ValueError as e:
        print("ValueError:", e)
print(int("ff", 16), int.__new__(int, "ff", 16), int(), int.__new__(int))
print(int(2.9), int(-2.9), int(True), int(2**70) == int.__new__(int, 2**70))
print(float("1.5"), float.__new__(float, " 2.25 "), float(3), float.__new__(float, 3))
print(bool([]), bool.__new__(bool, [1]), tuple([1, 2]), tuple.__new__(tuple, "ab"))
print(list("ab"), dict(a=1), dict([("b", 2)]), sorted(set([3, 1, 3])), frozenset() == frozenset.__new__(frozenset))
for f in (int, float):
    for s in ("x", "1e", ""):
        for how in ("call", "__new__"):
            try:
                f(s) if how == "call" else f.__new__(f, s)
            except ValueError as e:
                print(f.__name__, how, "ValueError:", e)
try:
    int([])
except TypeError as e:
    print("TypeError:", e)
try:
    float({})
except TypeError as e:
    print("TypeError:", e)

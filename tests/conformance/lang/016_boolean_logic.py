print(True and False, True or False, not True)
print(0 or "fallback", "" and "never", None or 0)
print([] or [1], 1 and 2)
x = 5
print(x > 3 and x < 10, not (x == 5))
print(bool(0), bool(""), bool([0]), bool(None), bool(0.0))

errors = [ValueError("x"), ValueError("a", 1), KeyError("key"), Exception(), RuntimeError(""), ZeroDivisionError("division by zero")]
for e in errors:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)

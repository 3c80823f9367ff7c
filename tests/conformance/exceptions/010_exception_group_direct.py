try:
    raise ExceptionGroup("several problems", [ValueError("one"), TypeError("two")])
except* ValueError as eg:
    print("value errors:", eg.exceptions)
except* TypeError as eg:
    print("type errors:", eg.exceptions)

eg = ExceptionGroup("batch", [KeyError("a"), ExceptionGroup("inner", [OSError("disk")])])
print(eg)
print(repr(eg))
print(len(eg.exceptions))

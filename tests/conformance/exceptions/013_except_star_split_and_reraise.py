def show(label, e):
    print(label, type(e).__name__, repr(e))

# naked exception matched: wrapped in ExceptionGroup("")
try:
    raise ValueError("naked")
except* ValueError as eg:
    show("naked", eg)

# naked exception not matched: propagates unchanged
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
except KeyError as e:
    show("outer", e)

# nested groups keep nesting and messages; rest re-raised
eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ValueError(3)]), OSError(4)])
try:
    try:
        raise eg
    except* ValueError as m:
        show("values", m)
    except* TypeError as m:
        show("types", m)
except ExceptionGroup as rest:
    show("rest", rest)

# raising in a handler: new exception grouped with the rest
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), KeyError("b")])
    except* ValueError:
        raise RuntimeError("handler failed")
except ExceptionGroup as e:
    show("combined", e)
    print(repr(e.exceptions[0].__context__))

# bare raise re-raises the matched part keeping the original nesting
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), KeyError("b")])
    except* ValueError:
        raise
except ExceptionGroup as e:
    show("bare", e)

# all handled: else skipped, finally runs; name unbound
def f():
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        show("tuple", e)
    else:
        print("else")
    finally:
        print("finally")
    try:
        e
    except NameError as ne:
        print("unbound:", ne)
f()

try:
    pass
except* ValueError:
    pass
else:
    print("else ran")

# split / subgroup / derive
g = ExceptionGroup("msg", [ValueError(1), TypeError(2), ExceptionGroup("in", [ValueError(3)])])
m, r = g.split(ValueError)
print(repr(m), repr(r))
print(repr(g.subgroup(lambda e: isinstance(e, TypeError))))
print(g.split(KeyError))
print(repr(g.subgroup(ExceptionGroup)) == repr(g), g.subgroup(ExceptionGroup) is g)
print(repr(g.derive([KeyError(9)])))
print(type(BaseExceptionGroup("b", [ValueError(1)]).derive([KeyboardInterrupt()])).__name__)

try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)

for i in range(2):
    try:
        raise ExceptionGroup("loop", [ValueError(i)])
    except* ValueError as e:
        for x in e.exceptions:
            if x.args[0] == 0:
                continue
            print("loop", x)

# Containers nested 100,000 deep or holding themselves: repr, str, ==, <
# and `in` raise RecursionError (CPython's messages); hashing a deeply
# nested tuple works; the run goes on afterwards.
x = []
y = []
t = ()
for i in range(100000):
    x = [x]
    y = [y]
    t = (t,)


def attempt(name, f):
    try:
        f()
        print(name, "ok")
    except RecursionError as e:
        print(name, "RecursionError:", e)


attempt("repr", lambda: repr(x))
attempt("str", lambda: str(x))
attempt("print", lambda: print(x))
attempt("==", lambda: x == y)
attempt("<", lambda: x < y)
attempt("in", lambda: x in [y])
attempt("hash", lambda: hash(t))
attempt("set of it", lambda: {t})

a = []
a.append(a)
b = []
b.append(b)
print(a, a == a)
attempt("a == b", lambda: a == b)
d = {}
d["self"] = d
print(d)
print([[1, [2]], (3,), {"k": [4]}])

# A builtin name read in a loop keeps meaning the builtin until a global of
# that name appears, and again after it is deleted (corolab caches the
# builtin's lookup while the globals gain or lose no key).
def count(items):
    return len(items)

def show(tag):
    print(tag, [count("abc") for _ in range(3)], str(7), abs(-2))

show("builtin")
len = lambda s: 42
show("shadowed by a global")
other = 1  # another key added: the cache is refreshed, len stays the global
show("still shadowed")
del len
show("builtin again")
def patch_abs():
    global abs
    abs = lambda x: "patched"

def unpatch_abs():
    global abs
    del abs

patch_abs()
show("abs patched by a function")
unpatch_abs()
show("abs restored")

class K:
    len = "class attribute"
    print("in a class body", len, str(len("xy")) if callable(len) else "not callable")
print(len("xyz"))

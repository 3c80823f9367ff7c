# yield from: delegation of next/send/throw/close, the iterator's return value
# as the expression's value, any iterable, recursion, and use from a task.
def inner():
    x = yield 1
    print("inner got", x)
    try:
        y = yield 2
        print("inner got", y)
    except KeyError as e:
        print("inner caught", repr(e))
        yield "recovered"
    finally:
        print("inner finally")
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer result", r)
    r2 = yield from [10, 20]
    print("list result", r2)
    r3 = yield from range(2)
    yield from "ab"
    return "outer-done"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
print(list(g))
g = outer()
next(g); next(g)
print(g.throw(KeyError("k")))
print(next(g))
g = outer()
next(g); next(g)
g.close()
print("closed")
g = outer()
next(g)
try:
    g.throw(ValueError("v"))
except ValueError as e:
    print("propagated", repr(e))

def gen_ret():
    yield 1
    return 42
def wrap():
    v = yield from gen_ret()
    return v * 2
w = wrap()
next(w)
try:
    next(w)
except StopIteration as e:
    print("StopIteration value", e.value)
try:
    gr = gen_ret(); next(gr); gr.send(None)
except StopIteration as e:
    print("send StopIteration", e.value, e.args)

def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))

class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return self.n
def use():
    r = yield from Countdown(3)
    print("countdown result", r)
print(list(use()))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print("TypeError", e)
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", (1, 2), {3: 4})))
def sub_ignores_close():
    try:
        yield 1
    except GeneratorExit:
        print("sub saw GeneratorExit")
        raise
def outer2():
    try:
        yield from sub_ignores_close()
    finally:
        print("outer2 finally")
o = outer2(); next(o); o.close()
def sub_throw_returns():
    try:
        yield 1
    except ValueError:
        return "handled"
def outer3():
    v = yield from sub_throw_returns()
    print("outer3 got", v)
    yield "after"
o = outer3(); next(o)
print(o.throw(ValueError))

def r(n):
    if n:
        yield from r(n - 1)
    else:
        yield 0
print(list(r(500)))
try:
    print(list(r(5000)))
except RecursionError as e:
    print("RecursionError", e)

import asyncio

def ticks(n):
    yield from range(n)

async def main():
    for t in ticks(3):
        await asyncio.sleep(0.5)
        print(f"{asyncio.get_running_loop().time():.1f} tick {t}")

asyncio.run(main())

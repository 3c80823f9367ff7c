# Assignment expressions (:=): conditions, loops, comprehensions binding in
# the enclosing function or module, nested comprehensions, async code.
import asyncio

def chunks(items, n):
    it = iter(items)
    out = []
    while (chunk := [x for _, x in zip(range(n), it)]):
        out.append(chunk)
    return out

print(chunks(range(7), 3))

data = [3, 8, 1, 9, 4]
if (n := len(data)) > 4:
    print(f"list is too long ({n} elements, expected <= 4)")

# a comprehension binds the name in the module
evens = [y for x in data if (y := x * 2) > 6]
print(evens, y)

def last_seen(values):
    seen = [(last := v) for v in values]
    total = 0
    running = [total := total + v for v in values]
    return seen, last, running, total

print(last_seen([5, 6, 7]))

def nested():
    grid = [[(cell := (r, c)) for c in range(2)] for r in range(2)]
    return grid, cell

print(nested())

def closure():
    def inner():
        return [(found := w) for w in "abc" if w == "b"], found
    return inner()

print(closure())

def uses_global():
    global g
    [(g := i * 10) for i in range(3)]

uses_global()
print(g)

matches = [p[2] for line in ["a=1", "b", "c=3"] if (p := line.partition("="))[1]]
print(matches, p)

print((z := 5) + z, [w := 1, w + 1], {(k := 'key'): k})
print(f"{(q := 7) * 2} {q}")
print(abs(v := -3), v)

def any_match(pred, items):
    if any((hit := x) and pred(x) for x in items):
        return hit
    return None

print(any_match(lambda s: s.startswith("b"), ["apple", "banana", "cherry"]))

async def fetch(i):
    await asyncio.sleep(0.1 * i)
    return i * i

async def main():
    results = []
    for i in range(4):
        if (r := await fetch(i)) % 2:
            results.append(r)
    print(f"{asyncio.get_running_loop().time():.1f}", results, r)
    squares = [(s := await fetch(j)) for j in (1, 2)]
    print(squares, s)

asyncio.run(main())

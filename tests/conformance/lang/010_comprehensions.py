squares = [n * n for n in range(6)]
print(squares)
evens = [n for n in range(10) if n % 2 == 0]
print(evens)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
lengths = {w: len(w) for w in ["asyncio", "loop", "task"]}
print(lengths)
grid = [[r * 3 + c for c in range(3)] for r in range(2)]
print(grid)
print({n % 3 for n in range(10)})

# Int keys are hashed and compared inline in the dict; keys of other types
# equal to them (True, 1.0, big ints) and ints whose hashes collide
# (-1 and -2; n and n + 2**61 - 1) must still find the same entries.
M = 2 ** 61 - 1
d = {}
for k in [0, 1, -1, -2, 5, M - 1, M, M + 5, -M, -M - 5, 2 ** 63 - 1, -2 ** 63, 2 ** 64, -2 ** 64 + 3]:
    d[k] = str(k)
print(len(d), [hash(k) for k in d])
print(d[True], d[1.0], d[-1.0], d[5.0], d[2 ** 64], d[float(2 ** 64)], d[M + 5], d[5 + M - M])
d[True] = "true"
d[-2.0] = "minus two"
d[M + 5 - 0] = "M+5"
print(d[1], d[-2], d[-1], d[M + 5], d[5], len(d))
print(-1 in d, -3 in d, 2 ** 64 + 1 in d, 0.5 in d, (M - 1) * 1.0 in d)
del d[-1]
print(-1 in d, d[-2], d.get(-1, "gone"), list(d)[:4])
e = {i * M: i for i in range(-3, 4)}  # every key's hash is 0
print(sorted(e.items()), e[2 * M], e.get(M * 4), len({hash(k) for k in e}))
f = {i: i * i for i in range(1000)}
print(sum(f[i] for i in range(1000)), f.pop(999), len(f), 999 in f, f.setdefault(-1, "x"))
try:
    f[10 ** 20]
except KeyError as exc:
    print("KeyError", exc)

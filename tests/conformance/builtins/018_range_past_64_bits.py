# range past 64 bits (CPython computes in Python ints there), and a check that
# the 64-bit form and the big form agree: each small range shifted by 2**64
# must behave as the small one shifted.
big = 10**20
r = range(big, big + 5)
print(r, r[2], big + 3 in r, big + 5 in r, list(r)[:2], len(r))
for i in range(2**63 - 2, 2**63 + 2):
    print(i, end=" ")
print()
print(range(0, 10**30, 10**29)[3], len(range(10**18)), range(2**64, 2**64 + 3).index(2**64 + 1))
try:
    len(range(10**19))
except OverflowError as e:
    print("OverflowError:", e)
print(sum(range(2**64, 2**64 + 3)), range(-2**70, 5)[-1], next(reversed(range(big, big + 3))))
print(range(big).index(5), range(big).count(10**19), bool(range(big)), bool(range(big, 0)))
print(range(big) == range(0, big), range(big, big) == range(0), hash(range(big)) == hash(range(0, big, 1)))
print(range(big)[10**19:10**19 + 3], list(range(big)[10**19:10**19 + 3]), range(big)[::-big // 4])
print(range(big).start, range(big).stop, range(big, 0, -3).step, range(big)[-1])
try:
    range(big)[big]
except IndexError as e:
    print("IndexError:", e)
try:
    range(big).index(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1, big, 0)
except ValueError as e:
    print("ValueError:", e)

shift = 2**64
mismatches = 0
for start in range(-4, 5):
    for stop in range(-4, 5):
        for step in (-3, -2, -1, 1, 2, 3):
            small = range(start, stop, step)
            large = range(start + shift, stop + shift, step)
            same = (len(small) == len(large)
                    and [x + shift for x in small] == list(large)
                    and [x + shift for x in reversed(small)] == list(reversed(large))
                    and all(((x in small) == (x + shift in large)) for x in range(-6, 7))
                    and bool(small) == bool(large)
                    and all(small[i] + shift == large[i] for i in range(-len(small), len(small)))
                    and all([x + shift for x in small[a:b:c]] == list(large[a:b:c])
                            for a in (None, -2, 1) for b in (None, -1, 3) for c in (None, -2, 2)))
            mismatches += not same
print("mismatches", mismatches)
print(range(3), range(0, 10, 2), range(5, 0, -1)[1:3], reversed(range(3)).__next__(), range(1, 20, 3).count(7))
print(range(1, 20, 3).index(7), hash(range(0)) == hash(range(5, 5)), {range(3): "a"}[range(0, 3)])

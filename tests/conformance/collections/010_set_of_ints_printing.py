done = set()
for i in [5, 3, 9, 1, 3]:
    done.add(i)
print(done, sorted(done))
print(set(range(5)), {10, 2, 33}, set())
print({1, 2} == {2, 1}, {1} < {1, 2})

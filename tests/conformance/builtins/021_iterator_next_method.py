# The builtin iterators have a __next__ method (roundrobin-style code takes
# `iter(it).__next__` as a callable).
nexts = [iter(x).__next__ for x in ("ab", [1, 2, 3], range(2), zip("xy", "uv"), map(str.upper, "pq"))]
for nx in nexts:
    print(nx(), nx())
it = iter([7])
print(it.__next__())
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)
print(iter(it) is it, it.__iter__() is it)

s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(10)
s.discard(2)
s.remove(3)
print(s, len(s), 4 in s)
a, b = {1, 2, 3}, {2, 3, 4}
print(a | b, a & b, a - b, a ^ b)
print(sorted({"pear", "apple", "fig"}))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)

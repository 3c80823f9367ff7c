a = [1, [2, 3], {"k": (4, 5)}]
b = [1, [2, 3], {"k": (4, 5)}]
a.append([a[1]])
b.append([b[1]])
print(a == b, a < b, a[1] in b, repr(a), str(b), hash((1, (2, 3))))
c = a.copy()
d = dict(k=a, j=b)
print(len(c), list(d), sorted([3, 1, 2]), {1, 2} | {3}, d.get("k") is a)

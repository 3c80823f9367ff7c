d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.items()), list(d.keys()), list(d.values()))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "gone"), d)
d.update({"a": 10, "d": 4})
d.update(e=5)
print(d, len(d), "a" in d, 10 in d)
for k in d:
    print(k, d[k])

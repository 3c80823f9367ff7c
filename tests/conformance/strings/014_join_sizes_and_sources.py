# str.join reads a list or tuple in place and sizes its result first; any
# other iterable is collected first. Both must give the same text, length,
# indexing and errors, with ASCII and non-ASCII parts and separators.
parts = [str(i) for i in range(12)] + ["é", "日本", "", "🙂x"]
for sep in ["", ",", ", ", "·", "→←"]:
    a = sep.join(parts)
    b = sep.join(tuple(parts))
    c = sep.join(p for p in parts)
    d = sep.join(iter(parts))
    e = sep.join(dict.fromkeys(parts))
    assert a == b == c == d == e, sep
    assert len(a) == sum(len(p) for p in parts) + len(sep) * (len(parts) - 1)
    assert [a[i] for i in range(len(a))] == list(a)
    print(repr(sep), len(a), a[-3:], a[5:9], a.upper()[:4], a[::-7])
print(repr("".join([])), repr(",".join(())), repr("x".join(["only"])), len("é".join(["a"] * 5)))
ascii_only = "-".join(["ab", "cd"])
print(ascii_only, len(ascii_only), ascii_only[3], ascii_only.find("c"), "-".join(["é", "a"])[2])
for bad in (["a", 1], ("a", None, "b"), (x for x in ["a", b"b"])):
    try:
        ",".join(bad)
    except TypeError as exc:
        print("TypeError:", exc)
try:
    ",".join(5)
except TypeError as exc:
    print("TypeError:", exc)

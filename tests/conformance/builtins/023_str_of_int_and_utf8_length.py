# str(i) has a fast path for 64-bit ints, and a str's length is counted 8
# bytes at a time while it is ASCII: both must agree with the generic paths
# (repr, format, %-formatting, counting code points one by one).
edges = [0, 1, -1, 9, 10, -10, 99, 100, 12345, -987654321, 2**31, -2**31, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 10**18, 10**19]
for i in edges:
    assert str(i) == repr(i) == format(i) == f"{i}" == "%d" % i, i
print([str(i) for i in edges])
print(sum(len(str(i)) for i in range(-100000, 100000)), str(True), str(-0), str(int("-0")))
for n in range(0, 20):
    for pos in range(n):
        s = "a" * pos + "é" + "b" * (n - pos - 1)
        assert len(s) == n, (n, pos)
        assert s[pos] == "é" and s[pos + 1:] == "b" * (n - pos - 1)
    assert len("x" * n) == n
print(len("日本語のテキスト" * 3), len("ascii only, 24 bytes....".upper()), "naïve café"[3:7], len("🙂" * 9))

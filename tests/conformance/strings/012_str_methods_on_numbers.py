n = 42
print(str(n).zfill(5), str(n).rjust(5, "."), str(3.5).split("."))
print(f"{n:b}".count("1"), len(str(2 ** 64)))

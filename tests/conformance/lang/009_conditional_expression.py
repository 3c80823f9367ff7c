for n in range(4):
    print(n, "even" if n % 2 == 0 else "odd")
x = None
print(x if x is not None else "default")
print("big" if 10 > 3 else "small" if 3 > 1 else "tiny")

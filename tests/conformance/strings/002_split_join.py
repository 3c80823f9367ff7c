line = "alpha, beta,gamma , delta"
parts = [p.strip() for p in line.split(",")]
print(parts)
print("a b  c".split(), "a b  c".split(" "), "k=v=w".split("=", 1))
print(" | ".join(parts), "".join(["x", "y"]), "-".join("abc"))
print("one\ntwo\nthree".split("\n"))

# expect-line: 5
# An assignment expression in a comprehension of a class body is rejected.
class Config:
    names = ["a", "b"]
    upper = [(last := n.upper()) for n in names]

print(Config.upper)

# Recursion that passes through builtins: a __repr__ calling repr() on its
# child, __eq__ comparing children, an __init__ creating the next object.
class Node:
    def __init__(self, child):
        self.child = child

    def __repr__(self):
        return "Node(" + repr(self.child) + ")"

    def __eq__(self, other):
        return self.child == other.child


class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n else None


def build(n):
    x = None
    for i in range(n):
        x = Node(x)
    return x


print(repr(build(3)))
for name, f in [("repr", lambda: repr(build(100000))),
                ("eq", lambda: build(100000) == build(100000)),
                ("init", lambda: Chain(100000))]:
    try:
        f()
        print(name, "ok")
    except RecursionError as e:
        print(name, type(e).__name__)
print("still running")

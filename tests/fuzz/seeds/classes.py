class Node:
    def __init__(self, child):
        self.child = child
    def __repr__(self):
        return "Node(" + repr(self.child) + ")"
    def __eq__(self, other):
        return isinstance(other, Node) and self.child == other.child
    def __hash__(self):
        return hash(self.child)
x = None
for i in range(5):
    x = Node(x)
print(repr(x), x == Node(x.child), hash(x) == hash(x))

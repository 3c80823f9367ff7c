# copy: shallow and deep copies of task configs; shared and cyclic
# references, __copy__/__deepcopy__, instances, dataclasses, namedtuples.
import asyncio
import copy
from collections import namedtuple, OrderedDict, defaultdict
from dataclasses import dataclass, field
from enum import Enum


class Color(Enum):
    RED = 1


@dataclass
class Job:
    name: str
    tags: list = field(default_factory=list)


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


class Tracked:
    def __init__(self, items):
        self.items = items
        self.log = []

    def __copy__(self):
        c = Tracked(self.items)
        c.log = ["shallow copy of " + str(id_of(self))]
        return c

    def __deepcopy__(self, memo):
        c = Tracked(copy.deepcopy(self.items, memo))
        c.log = ["deep copy"]
        return c


def id_of(t):
    return len(t.items)


Point = namedtuple("Point", "x y")

config = {"retries": 3, "hosts": ["a", "b"], "limits": {"cpu": 2}, "pair": (1, [2])}


async def run(cfg, n):
    await asyncio.sleep(0.1 * n)
    cfg["hosts"].append(f"h{n}")
    cfg["retries"] += n
    return cfg


async def main():
    shallow = copy.copy(config)
    deep = copy.deepcopy(config)
    await asyncio.gather(run(shallow, 1), run(deep, 2))
    print("original", config)
    print("shallow ", shallow)
    print("deep    ", deep)
    print(shallow["hosts"] is config["hosts"], deep["hosts"] is config["hosts"],
          deep["pair"] is config["pair"], deep["pair"][1] is config["pair"][1])

    t = (1, "a", (2, 3))
    print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] == [2])
    s = {1, 2}
    fs = frozenset({3})
    print(copy.copy(s) == s, copy.copy(s) is s, copy.copy(fs) is fs, copy.deepcopy(s) == s)
    print(copy.copy(42), copy.copy("x"), copy.copy(None), copy.deepcopy(3.5), copy.copy(len) is len)
    print(copy.deepcopy(Color.RED) is Color.RED, copy.copy(Color) is Color)

    shared = [0]
    both = [shared, shared]
    d = copy.deepcopy(both)
    d[0].append(1)
    print(d, d[0] is d[1], both)

    cyc = [1]
    cyc.append(cyc)
    c2 = copy.deepcopy(cyc)
    print(c2[1] is c2, c2[1] is cyc, len(c2))
    dd = {"name": "loop"}
    dd["self"] = dd
    dd2 = copy.deepcopy(dd)
    print(dd2["self"] is dd2, dd2["name"])

    root = Node("root")
    kid = root.add(Node("kid"))
    kid.add(Node("grandkid"))
    root2 = copy.deepcopy(root)
    k2 = root2.children[0]
    print(type(root2).__name__, root2.value, k2.value, k2.parent is root2, k2.children[0].parent is k2,
          k2 is not kid)
    sh = copy.copy(root)
    print(sh is not root, sh.children is root.children)

    job = Job("build", ["ci"])
    j2 = copy.deepcopy(job)
    j3 = copy.copy(job)
    j2.tags.append("deep")
    j3.tags.append("shallow")
    print(job, j2, j3, j2 == job)

    tr = Tracked([1, 2, 3])
    print(copy.copy(tr).log, copy.copy(tr).items is tr.items)
    print(copy.deepcopy(tr).log, copy.deepcopy(tr).items is tr.items)
    print(copy.deepcopy({"t": tr})["t"].log)

    p = Point(1, [2])
    p2 = copy.deepcopy(p)
    p3 = copy.copy(p)
    print(p2, p3, p2 == p, p2.y is p.y, p3.y is p.y, type(p2).__name__)

    od = OrderedDict(a=1, b=[2])
    print(copy.deepcopy(od), copy.copy(od)["b"] is od["b"])
    df = defaultdict(list, {"k": [1]})
    df2 = copy.deepcopy(df)
    df2["new"].append(0)
    print(sorted(df2.items()), df2.default_factory is list, sorted(df.keys()))

    err = ValueError("bad", 7)
    err.note = "extra"
    e2 = copy.deepcopy(err)
    print(type(e2).__name__, e2.args, e2.note, e2 is not err)

    memo = {}
    a = [1]
    pair = copy.deepcopy([a, a], memo)
    print(pair[0] is pair[1])


asyncio.run(main())

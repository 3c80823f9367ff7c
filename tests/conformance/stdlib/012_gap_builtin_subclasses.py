# Known gap: corolab's collections types wrap a dict / tuple instead of
# subclassing them, and typing.NamedTuple's class syntax builds no fields.
from collections import Counter, defaultdict, namedtuple
from typing import NamedTuple

Point = namedtuple("Point", "x y")
print(isinstance(Counter("aab"), dict), isinstance(defaultdict(int), dict), isinstance(Point(1, 2), tuple))
print(Point(1, 2) + (3,))


class Pair(NamedTuple):
    left: int
    right: int = 0


print(Pair(1))

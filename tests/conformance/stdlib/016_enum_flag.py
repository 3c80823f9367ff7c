# enum.Flag and enum.IntFlag as CPython 3.11 has them: composites, iteration
# over a composite's members, `in`, ~, bool, reprs, auto() powers of two.
import asyncio
from enum import Flag, IntFlag, auto


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


class Stage(Flag):
    NONE = 0
    FETCH = 1
    PARSE = 2
    STORE = 4


print(list(Color), len(Color), Color.WHITE, repr(Color.WHITE))
print(Color.RED | Color.GREEN, repr(Color.RED | Color.GREEN), Color(3) is (Color.RED | Color.GREEN))
print(list(Color.WHITE), [c.name for c in Color.RED | Color.BLUE], len(Color.RED | Color.BLUE))
print(Color.RED in Color.WHITE, Color.WHITE in Color.RED, Color.RED & Color.GREEN, repr(Color(0)))
print(~Color.RED, repr(~Color.WHITE), Color.WHITE ^ Color.GREEN, bool(Color(0)), bool(Color.BLUE))
print(Color.RED.value, Color.BLUE.value, Color["GREEN"], Color(4), repr(Color), list(Color.__members__))
print(repr(Stage.NONE), list(Stage), Stage.FETCH | Stage.NONE, repr(Stage(0)), Stage(0) is Stage.NONE)

print(Perm.R | Perm.W, repr(Perm.R | Perm.W), repr(Perm.R | 8), Perm.R + 1, Perm.W * 2)
print(repr(~Perm.R), int(Perm.R | Perm.X), Perm.R == 4, f"{Perm.R | Perm.X}", str(Perm.W))
print(repr(Perm(7)), repr(Perm(0)), list(Perm(5)), Perm.R in Perm(6), 4 in [Perm.R])

try:
    Color(8)
except ValueError as e:
    print("ValueError:", e)
try:
    Color("red")
except ValueError as e:
    print("ValueError:", e)
try:
    Color.RED | 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 in Color.WHITE
except TypeError as e:
    print("TypeError:", e)


async def worker(name, needs, granted):
    await asyncio.sleep(len(needs) * 0.5)
    missing = needs & ~granted
    if missing:
        print(name, "lacks", missing)
    else:
        print(name, "may", "+".join(p.name for p in needs))


async def main():
    granted = Perm.R | Perm.X
    await asyncio.gather(
        worker("reader", Perm.R, granted),
        worker("writer", Perm.R | Perm.W, granted),
        worker("runner", Perm.R | Perm.X, granted),
    )


asyncio.run(main())

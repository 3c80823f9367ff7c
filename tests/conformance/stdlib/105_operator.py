# operator: sorting task results with itemgetter/attrgetter, reducing with
# the function forms, methodcaller; reprs and errors as CPython's.
import asyncio
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce
from dataclasses import dataclass


@dataclass
class Owner:
    name: str


@dataclass
class Result:
    name: str
    score: int
    owner: Owner


async def work(name, score, delay):
    await asyncio.sleep(delay)
    return Result(name, score, Owner(name.upper()))


async def main():
    results = await asyncio.gather(work("b", 7, 0.3), work("a", 9, 0.1), work("c", 7, 0.2))
    print([r.name for r in sorted(results, key=attrgetter("score", "name"))])
    print([r.name for r in sorted(results, key=attrgetter("owner.name"), reverse=True)])
    print(attrgetter("owner.name", "score")(results[0]), attrgetter("name")(results[1]))
    rows = [("x", 3, 1.5), ("y", 1, 2.5), ("z", 2, 0.5)]
    print(sorted(rows, key=itemgetter(1)), max(rows, key=itemgetter(2)))
    print(list(map(itemgetter(0, 2), rows)), itemgetter("k")({"k": "v"}), itemgetter(-1)("abc"))
    print(list(map(methodcaller("upper"), ["a", "b"])), methodcaller("split", ",", maxsplit=1)("a,b,c"))
    print(methodcaller("replace", "a", "o")("banana"))
    print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6)), reduce(operator.or_, [1, 2, 4]))
    print(operator.add("a", "b"), operator.sub(5, 7), operator.mul("ab", 2), operator.truediv(7, 2),
          operator.floordiv(-7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.neg(3), operator.pos(-3),
          operator.abs(-4.5), operator.inv(5), operator.invert(0), operator.lshift(1, 4), operator.rshift(256, 3),
          operator.and_(12, 10), operator.xor(12, 10))
    print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1.0), operator.ge(1, 2),
          operator.gt(3, 2), operator.not_([]), operator.truth([0]), operator.is_(None, None),
          operator.is_not(1, None))
    d = {"a": 1}
    operator.setitem(d, "b", 2)
    operator.delitem(d, "a")
    lst = [5, 6, 7, 6]
    print(d, operator.getitem(lst, 1), operator.getitem("xyz", -1), operator.contains(lst, 7),
          operator.countOf(lst, 6), operator.indexOf(lst, 6), operator.index(7), operator.index(True))
    print(operator.concat([1], [2]), operator.concat("a", "b"), operator.call(max, 3, 8))
    acc = [1]
    same = operator.iadd(acc, [2])
    print(same is acc, acc, operator.iadd(1, 2), operator.imul("ab", 2), operator.isub(5, 1),
          operator.ifloordiv(7, 2), operator.itruediv(1, 4), operator.imod(7, 4), operator.ipow(3, 2),
          operator.ior(1, 2), operator.iand(3, 1), operator.ixor(3, 1), operator.ilshift(1, 2),
          operator.irshift(8, 1), operator.iconcat([0], [1]))
    print(itemgetter(1), itemgetter(0, "k"), attrgetter("a.b", "c"), methodcaller("m", 1, k="v"))
    for bad in [lambda: operator.index(1.5), lambda: operator.concat(1, 2), lambda: itemgetter(),
                lambda: attrgetter(1), lambda: methodcaller(), lambda: methodcaller(3),
                lambda: operator.indexOf([1], 2), lambda: itemgetter(5)([1]), lambda: attrgetter("owner.nope")(results[0]),
                lambda: operator.truediv(1, 0), lambda: operator.lt(1, "a")]:
        try:
            bad()
        except (TypeError, ValueError, IndexError, AttributeError, ZeroDivisionError) as e:
            print(type(e).__name__, e)


asyncio.run(main())

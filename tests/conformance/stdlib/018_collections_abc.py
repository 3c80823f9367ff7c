# collections.abc: isinstance / issubclass as CPython's (structural checks
# for the one-method ABCs, builtins registered), register(), mixin methods
# of Mapping / MutableSequence / Set, subscripted aliases, typing's names.
import asyncio
import collections.abc
import typing
from collections import Counter, OrderedDict, defaultdict, deque
from collections.abc import (AsyncGenerator, AsyncIterable, AsyncIterator, Awaitable, Callable, Collection,
                             Container, Coroutine, Generator, Hashable, Iterable, Iterator, Mapping,
                             MutableMapping, MutableSequence, MutableSet, Reversible, Sequence, Set, Sized)


async def job():
    await asyncio.sleep(0.5)
    return "done"


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i


def numbers():
    yield 1


class Ticker:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class Bag:
    def __len__(self):
        return 0

    def __contains__(self, x):
        return False

    def __iter__(self):
        return iter([])


class Point:
    def __eq__(self, other):
        return True


class Registry(Mapping):
    def __init__(self, **entries):
        self._entries = dict(entries)

    def __getitem__(self, key):
        return self._entries[key]

    def __iter__(self):
        return iter(self._entries)

    def __len__(self):
        return len(self._entries)

    def __repr__(self):
        return "Registry"


class Stack(MutableSequence):
    def __init__(self):
        self._items = []

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)

    def __repr__(self):
        return f"Stack({self._items})"


class Tags(Set):
    def __init__(self, items=()):
        self._items = []
        for item in items:
            if item not in self._items:
                self._items.append(item)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Tags({self._items})"


class Handle:
    pass


def row(*checks):
    print(" ".join("T" if c else "." for c in checks))


async def main():
    coro = job()
    agen = ticks(2)
    gen = numbers()
    row(isinstance(coro, Awaitable), isinstance(coro, Coroutine), isinstance(coro, Iterable),
        isinstance(agen, AsyncIterable), isinstance(agen, AsyncIterator), isinstance(agen, AsyncGenerator),
        isinstance(gen, Generator), isinstance(gen, Iterator), isinstance(Ticker(), AsyncIterator),
        isinstance(Ticker(), AsyncGenerator))
    print(await coro, [i async for i in agen])
    task = asyncio.create_task(job())
    row(isinstance(task, Awaitable), isinstance(task, Coroutine), isinstance(job, Callable),
        isinstance(print, Callable), isinstance(Handle, Callable), isinstance(Handle(), Callable),
        isinstance(len, Hashable), isinstance([], Hashable), isinstance({}, Hashable), isinstance(Point(), Hashable),
        isinstance(Handle(), Hashable))
    await task
    for value in ([], (), "", {}, set(), frozenset(), range(3), iter([]), deque(), Counter(), OrderedDict(),
                  defaultdict(int), Bag(), 3, None):
        name = "iterator" if isinstance(value, type(iter([]))) else type(value).__name__
        print(f"{name:12}", end=" ")
        row(isinstance(value, Iterable), isinstance(value, Iterator), isinstance(value, Sized),
            isinstance(value, Container), isinstance(value, Collection), isinstance(value, Reversible),
            isinstance(value, Sequence), isinstance(value, MutableSequence), isinstance(value, Mapping),
            isinstance(value, MutableMapping), isinstance(value, Set), isinstance(value, MutableSet),
            isinstance(value, Hashable))
    row(issubclass(list, Sequence), issubclass(str, MutableSequence), issubclass(dict, Mapping),
        issubclass(Registry, Collection), issubclass(Stack, Reversible), issubclass(Bag, Sequence))

    registry = Registry(a=1, b=2)
    print(registry.get("a"), registry.get("z", 0), "b" in registry, "z" in registry, len(registry))
    print(list(registry.keys()), list(registry.items()), list(registry.values()), registry == {"a": 1, "b": 2})
    print(registry.keys(), isinstance(registry.keys(), Set), ("a", 1) in registry.items())
    stack = Stack()
    stack.append(1)
    stack.extend([2, 3])
    stack += [4]
    print(stack, stack.pop(), stack.pop(0), stack, 3 in stack, stack.index(3), stack.count(2), list(reversed(stack)))
    stack.reverse()
    stack.remove(2)
    print(stack, len(stack))
    a, b = Tags("abc"), Tags("bcd")
    print(a & b, a | b, a - b, a ^ b, a <= Tags("abcd"), a == Tags("cba"), a.isdisjoint(Tags("xy")))

    print(Sequence.register(Handle) is Handle, isinstance(Handle(), Sequence), issubclass(Handle, Collection))
    print(Callable[[str], Awaitable[None]], Awaitable[int], Iterable[Handle], Callable[..., Coroutine])
    print(collections.abc.Mapping is Mapping, Mapping, repr(MutableSet).split("'")[1])
    print(isinstance([], typing.Iterable), isinstance(3, typing.Iterable), isinstance(coro, typing.Awaitable))
    handler: typing.Callable[[int], typing.Awaitable[str]] = job
    print(callable(handler))
    try:
        isinstance([], Iterable[int])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())

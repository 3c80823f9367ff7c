# abc: ABC, abstractmethod (a class with abstract methods cannot be made),
# register() and __subclasshook__, as a plugin-style async program uses them.
import asyncio
from abc import ABC, ABCMeta, abstractmethod


class Source(ABC):
    @abstractmethod
    async def fetch(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"source {self.name()}"


class Timer(Source):
    def __init__(self, delay):
        self.delay = delay

    async def fetch(self):
        await asyncio.sleep(self.delay)
        return f"tick after {self.delay}"

    def name(self):
        return "timer"


class Half(Source):
    def name(self):
        return "half"


class Closeable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Closeable:
            return any("close" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class File:
    def close(self):
        pass


class Legacy:
    pass


async def main():
    for cls in (Source, Half):
        try:
            cls()
        except TypeError as e:
            print("TypeError:", e)
    timer = Timer(0.5)
    print(timer.describe(), await timer.fetch())
    print(sorted(Source.__abstractmethods__), sorted(Half.__abstractmethods__), Timer.__abstractmethods__)
    print(isinstance(timer, Source), issubclass(Timer, ABC), isinstance(File(), Closeable), isinstance(Legacy(), Closeable))
    Closeable.register(Legacy)
    print(isinstance(Legacy(), Closeable), issubclass(Legacy, Closeable), issubclass(int, Closeable))


asyncio.run(main())

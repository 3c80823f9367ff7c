# collections.abc: the ABCs of CPython 3.11's _collections_abc, with their
# mixin methods. isinstance / issubclass behave as CPython's: the one-trick
# ABCs (Hashable, Iterable, Sized, Awaitable, Callable...) check methods
# structurally through __subclasshook__; Sequence, Mapping, Set and their
# mutable kinds know their classes by inheritance or register(), builtins
# registered as in CPython. Subscripting (Callable[[str], Awaitable[None]])
# gives an alias that prints as CPython's and does nothing else.
from abc import ABCMeta, abstractmethod
import asyncio
import collections

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible",
           "Sized", "Container", "Callable", "Collection",
           "Set", "MutableSet", "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence"]


async def _coro():
    pass


async def _agen():
    yield


def _gen():
    yield


_c = _coro()
_coroutine = type(_c)
_c.close()
_generator = type(_gen())
_async_generator = type(_agen())
_iterator = type(iter([]))
del _c

# The methods builtin classes have (their instances' view, None counting as
# absent), from CPython 3.11: corolab's builtin classes do not list their
# special methods in __dict__.
_BUILTIN_METHODS = {
    object: "__hash__",
    int: "__hash__",
    float: "__hash__",
    bool: "__hash__",
    str: "__hash__ __iter__ __len__ __contains__ __getitem__",
    list: "__iter__ __len__ __contains__ __reversed__ __getitem__",
    tuple: "__hash__ __iter__ __len__ __contains__ __getitem__",
    dict: "__iter__ __len__ __contains__ __reversed__ __getitem__",
    set: "__iter__ __len__ __contains__",
    frozenset: "__hash__ __iter__ __len__ __contains__",
    range: "__hash__ __iter__ __len__ __contains__ __reversed__ __getitem__",
    type(None): "__hash__",
    type: "__hash__ __call__",
    type(_gen): "__hash__ __call__",
    type(len): "__hash__ __call__",
    type(ABCMeta.register.__get__(ABCMeta)): "__hash__ __call__",
    staticmethod: "__hash__ __call__",
    _generator: "__hash__ __iter__ __next__ send throw close",
    _coroutine: "__hash__ __await__ send throw close",
    _async_generator: "__hash__ __aiter__ __anext__ asend athrow aclose",
    _iterator: "__hash__ __iter__ __next__",
}


def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if B in _BUILTIN_METHODS:
                if method in _BUILTIN_METHODS[B].split():
                    break
                if B is not object:
                    return NotImplemented
                continue
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
            # a class defining __eq__ without __hash__ has __hash__ = None
            if method == "__hash__" and "__eq__" in B.__dict__:
                return NotImplemented
        else:
            return NotImplemented
    return True


def _methods_hook(*methods):
    # the __subclasshook__ of an ABC defined by its methods (CPython's
    # `if cls is Iterable: return _check_methods(C, "__iter__")`): it
    # answers for that ABC only, not for the classes deriving from it
    def __subclasshook__(cls, C):
        if cls.__dict__.get("__subclasshook__") is hook:
            return _check_methods(C, *methods)
        return NotImplemented
    hook = classmethod(__subclasshook__)
    return hook


def _throw(self, typ, val=None, tb=None):
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    raise val


def _closer(what):
    # close() of Generator / Coroutine: throw GeneratorExit in
    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError(what + " ignored GeneratorExit")
    return close


def _type_repr(obj):
    if isinstance(obj, type):
        module = getattr(obj, "__module__", "builtins")
        if module == "builtins":
            return obj.__qualname__
        return f"{module}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is None:
        return "None"
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


class _GenericAlias:
    # Awaitable[int], Callable[[str], None]: prints as CPython's alias
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        return f"{_type_repr(self.__origin__)}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return self

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))


def _alias(cls, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _GenericAlias(cls, params)


class Hashable(metaclass=ABCMeta):
    @abstractmethod
    def __hash__(self):
        return 0

    __subclasshook__ = _methods_hook("__hash__")


class Awaitable(metaclass=ABCMeta):
    @abstractmethod
    def __await__(self):
        yield

    __subclasshook__ = _methods_hook("__await__")

    __class_getitem__ = classmethod(_alias)


class Coroutine(Awaitable):
    @abstractmethod
    def send(self, value):
        raise StopIteration

    throw = abstractmethod(_throw)

    close = _closer("coroutine")

    __subclasshook__ = _methods_hook("__await__", "send", "throw", "close")


Coroutine.register(_coroutine)


class AsyncIterable(metaclass=ABCMeta):
    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    __subclasshook__ = _methods_hook("__aiter__")

    __class_getitem__ = classmethod(_alias)


class AsyncIterator(AsyncIterable):
    @abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    __subclasshook__ = _methods_hook("__anext__", "__aiter__")


class AsyncGenerator(AsyncIterator):
    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        raise val

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            pass
        else:
            raise RuntimeError("asynchronous generator ignored GeneratorExit")

    __subclasshook__ = _methods_hook("__aiter__", "__anext__", "asend", "athrow", "aclose")


AsyncGenerator.register(_async_generator)


class Iterable(metaclass=ABCMeta):
    @abstractmethod
    def __iter__(self):
        while False:
            yield None

    __subclasshook__ = _methods_hook("__iter__")

    __class_getitem__ = classmethod(_alias)


class Iterator(Iterable):
    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self

    __subclasshook__ = _methods_hook("__iter__", "__next__")


Iterator.register(_iterator)


class Reversible(Iterable):
    @abstractmethod
    def __reversed__(self):
        while False:
            yield None

    __subclasshook__ = _methods_hook("__reversed__", "__iter__")


class Generator(Iterator):
    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    throw = abstractmethod(_throw)

    close = _closer("generator")

    __subclasshook__ = _methods_hook("__iter__", "__next__", "send", "throw", "close")


Generator.register(_generator)


class Sized(metaclass=ABCMeta):
    @abstractmethod
    def __len__(self):
        return 0

    __subclasshook__ = _methods_hook("__len__")


class Container(metaclass=ABCMeta):
    @abstractmethod
    def __contains__(self, x):
        return False

    __subclasshook__ = _methods_hook("__contains__")

    __class_getitem__ = classmethod(_alias)


class Collection(Sized, Iterable, Container):
    __subclasshook__ = _methods_hook("__len__", "__iter__", "__contains__")


class Callable(metaclass=ABCMeta):
    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    __subclasshook__ = _methods_hook("__call__")

    __class_getitem__ = classmethod(_alias)


class Set(Collection):
    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(e for s in (self, other) for e in s)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__


Set.register(frozenset)


class MutableSet(Set):
    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


MutableSet.register(set)


class Mapping(Collection):
    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "{0.__class__.__name__}({0._mapping!r})".format(self)


class KeysView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(list(self._mapping))


class ItemsView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        return iter([(key, self._mapping[key]) for key in self._mapping])


class ValuesView(MappingView, Collection):
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        return iter([self._mapping[key] for key in self._mapping])


_marker = object()


class MutableMapping(Mapping):
    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is _marker:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


MutableMapping.register(dict)


class Sequence(Reversible, Collection):
    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        items = []
        i = 0
        try:
            while True:
                items.append(self[i])
                i += 1
        except IndexError:
            return iter(items)

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        return iter([self[i] for i in reversed(range(len(self)))])

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)


class MutableSequence(Sequence):
    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


MutableSequence.register(list)

# asyncio's futures and tasks have __await__ (corolab's are C++ objects)
Awaitable.register(asyncio.Future)

# collections' classes, as CPython registers them (corolab's wrap a dict)
MutableSequence.register(collections.deque)
for _mapping in (collections.OrderedDict, collections.defaultdict, collections.Counter):
    MutableMapping.register(_mapping)
del _mapping

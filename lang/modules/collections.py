# collections: deque, namedtuple, defaultdict, Counter, OrderedDict, with
# CPython 3.11's reprs and errors. corolab cannot subclass dict or tuple, so
# the mappings wrap a dict and named tuples hold a tuple: they behave as
# CPython's in use, but isinstance(x, dict) / isinstance(p, tuple) is False.


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _trim(self, left):
        if self._maxlen is not None:
            while len(self._items) > self._maxlen:
                if left:
                    self._items.pop()
                else:
                    self._items.pop(0)

    def append(self, x):
        self._items.append(x)
        self._trim(False)

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim(True)

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def clear(self):
        self._items = []

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items = self._items[-n:] + self._items[:-n]

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        return self._items.index(x, *args)

    def remove(self, value):
        if value not in self._items:
            raise ValueError(f"{value!r} is not in deque")
        self._items.remove(value)

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def reverse(self):
        self._items.reverse()

    def copy(self):
        return deque(self._items, self._maxlen)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if not isinstance(i, int):
            raise TypeError(f"sequence index must be integer, not '{type(i).__name__}'")
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("deque index out of range")
        return self._items[i]

    def __setitem__(self, i, x):
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("deque index out of range")
        self._items[i] = x

    def __delitem__(self, i):
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("deque index out of range")
        del self._items[i]

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self._maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self._maxlen})"


class _Mapping:
    # The dict methods, over self._data.
    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Mapping):
            other = other._data
        return self._data == other

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self):
        if not self._data:
            raise KeyError("popitem(): dictionary is empty")
        key = list(self._data)[-1]
        return key, self._data.pop(key)

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, other=(), **kwargs):
        if isinstance(other, _Mapping):
            other = other._data
        self._data.update(other)
        self._data.update(kwargs)

    def clear(self):
        self._data.clear()


class defaultdict(_Mapping):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        self._data = dict(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def __repr__(self):
        return f"defaultdict({self.default_factory!r}, {self._data!r})"


class OrderedDict(_Mapping):
    def __init__(self, *args, **kwargs):
        self._data = dict(*args, **kwargs)

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = self._data
            self._data = {key: value}
            self._data.update(rest)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError("dictionary is empty")
        key = list(self._data)[-1 if last else 0]
        return key, self._data.pop(key)

    def copy(self):
        return OrderedDict(self._data)

    def __repr__(self):
        if not self._data:
            return "OrderedDict()"
        return f"OrderedDict({list(self._data.items())!r})"


class Counter(_Mapping):
    def __init__(self, iterable=None, **kwargs):
        self._data = {}
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, _Mapping)):
                for key, count in iterable.items():
                    self._data[key] = self._data.get(key, 0) + count
            else:
                for key in iterable:
                    self._data[key] = self._data.get(key, 0) + 1
        if kwargs:
            self.update(kwargs)

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, _Mapping)):
                for key, count in iterable.items():
                    self._data[key] = self._data.get(key, 0) - count
            else:
                for key in iterable:
                    self._data[key] = self._data.get(key, 0) - 1
        if kwargs:
            self.subtract(kwargs)

    def most_common(self, n=None):
        ranked = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for key, count in self._data.items():
            for _ in range(count):
                yield key

    def total(self):
        return sum(self._data.values())

    def copy(self):
        return Counter(self._data)

    def __add__(self, other):
        result = Counter()
        for key, count in self._data.items():
            if count + other[key] > 0:
                result[key] = count + other[key]
        for key, count in other.items():
            if key not in self._data and count > 0:
                result[key] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for key, count in self._data.items():
            if count - other[key] > 0:
                result[key] = count - other[key]
        for key, count in other.items():
            if key not in self._data and count < 0:
                result[key] = -count
        return result

    def __repr__(self):
        if not self._data:
            return "Counter()"
        return "Counter({" + ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common()) + "})"


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(str(name) for name in field_names)
    count = len(fields)
    defaults = tuple(defaults) if defaults is not None else ()
    field_defaults = dict(zip(fields[count - len(defaults):], defaults))

    class _NamedTuple:
        _fields = fields
        _field_defaults = field_defaults

        def __init__(self, *args, **kwargs):
            if len(args) > count:
                raise TypeError(f"{typename}.__new__() takes {count + 1} positional arguments but {len(args) + 1} were given")
            values = list(args)
            for name in fields[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif name in field_defaults:
                    values.append(field_defaults[name])
                else:
                    raise TypeError(f"{typename}.__new__() missing 1 required positional argument: '{name}'")
            for name in kwargs:
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
            self._tuple = tuple(values)

        @classmethod
        def _make(cls, iterable):
            return cls(*iterable)

        def _asdict(self):
            return dict(zip(fields, self._tuple))

        def _replace(self, **kwargs):
            values = self._asdict()
            values.update(kwargs)
            return type(self)(**values)

        def __getitem__(self, i):
            return self._tuple[i]

        def __iter__(self):
            return iter(self._tuple)

        def __len__(self):
            return count

        def __contains__(self, x):
            return x in self._tuple

        def __eq__(self, other):
            return self._tuple == (other._tuple if hasattr(other, "_tuple") else other)

        def __lt__(self, other):
            return self._tuple < (other._tuple if hasattr(other, "_tuple") else other)

        def __le__(self, other):
            return self._tuple <= (other._tuple if hasattr(other, "_tuple") else other)

        def __gt__(self, other):
            return self._tuple > (other._tuple if hasattr(other, "_tuple") else other)

        def __ge__(self, other):
            return self._tuple >= (other._tuple if hasattr(other, "_tuple") else other)

        def __hash__(self):
            return hash(self._tuple)

        def count(self, x):
            return self._tuple.count(x)

        def index(self, x):
            return self._tuple.index(x)

        def __repr__(self):
            return typename + "(" + ", ".join(f"{n}={v!r}" for n, v in zip(fields, self._tuple)) + ")"

    for i, name in enumerate(fields):
        setattr(_NamedTuple, name, property(lambda self, i=i: self._tuple[i]))
    _NamedTuple.__name__ = typename
    _NamedTuple.__qualname__ = typename
    # CPython takes the caller's module; corolab assumes the scenario's
    _NamedTuple.__module__ = module if module is not None else "__main__"
    return _NamedTuple

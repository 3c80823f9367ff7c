# copy: copy and deepcopy as CPython 3.11 behaves: containers copied, atomic
# values shared, __copy__/__deepcopy__ honoured, instances rebuilt without
# __init__ from their attribute dict, and deepcopy's memo keeping shared and
# cyclic references shared and cyclic in the copy.

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Values copy() and deepcopy() return as they are.
_ATOMIC = (type(None), int, float, bool, complex, str, type, range, property,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


# deepcopy's memo: the copies made so far, by the identity of their original
# (CPython keys a dict by id(); corolab has no id(), so a list of pairs).
class _Memo:
    def __init__(self):
        self.originals = []
        self.copies = []

    def find(self, x):
        for i, o in enumerate(self.originals):
            if o is x:
                return i
        return -1

    def add(self, x, y):
        self.originals.append(x)
        self.copies.append(y)


def deepcopy(x, memo=None):
    if not isinstance(memo, _Memo):
        memo = _Memo()
    i = memo.find(x)
    if i >= 0:
        return memo.copies[i]
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if cls is list:
        y = []
        memo.add(x, y)
        for a in x:
            y.append(deepcopy(a, memo))
        return y
    if cls is dict:
        y = {}
        memo.add(x, y)
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # a cycle through the tuple may have copied it already
        i = memo.find(x)
        if i >= 0:
            return memo.copies[i]
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(list(x), memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo.add(x, y)
    return y


# A new instance of x's class with x's state, as CPython's __reduce_ex__ and
# copy._reconstruct do (deep when a memo is given): __init__ is not called.
def _reconstruct(x, memo):
    cls = type(x)
    deep = memo is not None

    def part(v):
        return deepcopy(v, memo) if deep else v

    try:
        state = x.__dict__
    except AttributeError:
        raise TypeError(f"cannot pickle '{cls.__name__}' object") from None
    if isinstance(x, BaseException):
        y = cls(*part(x.args))
    elif isinstance(x, tuple):
        items = [part(v) for v in x]
        y = cls(*items) if hasattr(cls, '_fields') else cls(items)
    elif isinstance(x, (set, frozenset)):
        y = cls(part(list(x)))
    else:
        y = cls.__new__(cls)
    if deep:
        memo.add(x, y)
    if state:
        state = part(state)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    if isinstance(x, dict):
        for k, v in x.items():
            y[part(k)] = part(v)
    return y

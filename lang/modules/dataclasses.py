# dataclasses: @dataclass (init, repr, eq, order, frozen), field, fields,
# asdict, astuple, replace, is_dataclass; behaviour and reprs as CPython
# 3.11's. Fields come from the class's annotations, in order (corolab keeps
# each annotation as its source text, as `from __future__ import annotations`).


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
                f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},_field_type=_FIELD)")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata or {}, kw_only)


def _is_classvar(annotation):
    return annotation.startswith("ClassVar") or annotation.startswith("typing.ClassVar")


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            fields[f.name] = f
    annotations = cls.__annotations__ if "__annotations__" in _own_names(cls) else {}
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory")
        if f.default is MISSING:
            if isinstance(default, Field):
                delattr(cls, name)
        else:
            setattr(cls, name, f.default)
        fields[name] = f
    cls.__dataclass_fields__ = fields
    field_list = list(fields.values())
    seen_default = False
    for f in field_list:
        if f.init:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument '{f.name}' follows default argument")
    if init:
        cls.__init__ = _make_init(cls, field_list, frozen)
    if repr:
        def __repr__(self):
            return type(self).__qualname__ + "(" + ", ".join(
                f"{f.name}={getattr(self, f.name)!r}" for f in field_list if f.repr) + ")"
        cls.__repr__ = __repr__
    compared = [f.name for f in field_list if f.compare]

    def as_tuple(obj):
        return tuple(getattr(obj, name) for name in compared)

    if eq:
        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return as_tuple(self) == as_tuple(other)
        cls.__eq__ = __eq__
    if order:
        def compare(op):
            def method(self, other):
                if type(other) is not type(self):
                    return NotImplemented
                return op(as_tuple(self), as_tuple(other))
            return method
        cls.__lt__ = compare(lambda a, b: a < b)
        cls.__le__ = compare(lambda a, b: a <= b)
        cls.__gt__ = compare(lambda a, b: a > b)
        cls.__ge__ = compare(lambda a, b: a >= b)
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = lambda self: hash(as_tuple(self))
    elif eq and "__hash__" not in _own_names(cls):
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in field_list if f.init)
    return cls


def _own_names(cls):
    return cls.__dict__ if hasattr(cls, "__dict__") else [n for n in dir(cls)]


def _make_init(cls, field_list, frozen):
    params = [f for f in field_list if f.init]
    qualname = cls.__qualname__

    def __init__(self, *args, **kwargs):
        if len(args) > len(params):
            required = len([f for f in params if f.default is MISSING and f.default_factory is MISSING])
            takes = f"{len(params) + 1}" if required == len(params) else f"from {required + 1} to {len(params) + 1}"
            raise TypeError(f"{qualname}.__init__() takes {takes} positional arguments "
                            f"but {len(args) + 1} were given")
        values = {}
        for f, value in zip(params, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if not any(f.name == name for f in params):
                raise TypeError(f"{qualname}.__init__() got an unexpected keyword argument '{name}'")
            if name in values:
                raise TypeError(f"{qualname}.__init__() got multiple values for argument '{name}'")
            values[name] = value
        missing = [f.name for f in params
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            names = " and ".join(f"'{n}'" for n in missing) if len(missing) <= 2 else \
                ", ".join(f"'{n}'" for n in missing[:-1]) + f", and '{missing[-1]}'"
            plural = "s" if len(missing) > 1 else ""
            raise TypeError(f"{qualname}.__init__() missing {len(missing)} required positional argument{plural}: {names}")
        for f in field_list:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            object.__setattr__(self, f.name, value)
        if hasattr(self, "__post_init__"):
            self.__post_init__()

    return __init__


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(fields.values())


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, list):
        return [_asdict_inner(v, dict_factory) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return {_asdict_inner(k, dict_factory): _asdict_inner(v, dict_factory) for k, v in obj.items()}
    return obj


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory(_asdict_inner(getattr(obj, f.name), dict) for f in fields(obj))


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)

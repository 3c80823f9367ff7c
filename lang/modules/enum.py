# enum: Enum, IntEnum, StrEnum, auto, unique, with CPython 3.11's reprs and
# errors. EnumType is a metaclass (corolab supports `metaclass=` for
# subclasses of type): it turns a class's plain attributes into members once
# the class is built, and gives the class iteration, len, [] and `in`.


class auto:
    def __init__(self):
        self.value = None

    def __repr__(self):
        return "auto(%r)" % self.value


def _is_member_candidate(key, value):
    if key.startswith("_"):
        return False
    if callable(value) or isinstance(value, (property, classmethod, staticmethod)):
        return False
    return True


class EnumType(type):
    def __init__(cls, name, bases, namespace):
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        last_values = []
        for key, value in namespace.items():
            if not _is_member_candidate(key, value):
                continue
            if isinstance(value, auto):
                value = cls._generate_next_value_(key, 1, len(cls._member_names_), last_values[:])
            if isinstance(value, tuple) and cls._member_type_ is not object:
                value = cls._member_type_(*value)
            elif cls._member_type_ is not object and not isinstance(value, cls._member_type_):
                value = cls._member_type_(value)
            last_values.append(value)
            alias = None
            for member in cls._member_map_.values():
                if member._value_ == value:
                    alias = member
                    break
            if alias is not None:
                cls._member_map_[key] = alias
                setattr(cls, key, alias)
                continue
            member = object.__new__(cls)
            member._name_ = key
            member._value_ = value
            cls._member_names_.append(key)
            cls._member_map_[key] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            setattr(cls, key, member)
        cls.__members__ = dict(cls._member_map_)
        if cls._member_type_ is not object:
            # class Color(str, Enum): members compare and hash as their values
            for method in _VALUE_METHODS:
                if method not in namespace:
                    setattr(cls, method, _VALUE_METHODS[method])

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return reversed([cls._member_map_[name] for name in cls._member_names_])

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': '{type(member).__qualname__}' and '{type(cls).__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"


EnumMeta = EnumType


def _value_of(x):
    return x._value_ if isinstance(x, Enum) else x


_VALUE_METHODS = {
    "__eq__": lambda self, other: self._value_ == _value_of(other),
    "__ne__": lambda self, other: self._value_ != _value_of(other),
    "__hash__": lambda self: hash(self._value_),
    "__lt__": lambda self, other: self._value_ < _value_of(other),
    "__le__": lambda self, other: self._value_ <= _value_of(other),
    "__gt__": lambda self, other: self._value_ > _value_of(other),
    "__ge__": lambda self, other: self._value_ >= _value_of(other),
    "__add__": lambda self, other: self._value_ + _value_of(other),
    "__radd__": lambda self, other: _value_of(other) + self._value_,
    "__sub__": lambda self, other: self._value_ - _value_of(other),
    "__rsub__": lambda self, other: _value_of(other) - self._value_,
    "__mul__": lambda self, other: self._value_ * _value_of(other),
    "__rmul__": lambda self, other: _value_of(other) * self._value_,
    "__getattr__": lambda self, name: _value_attr(self, name),
}


def _value_attr(member, name):
    # the data type's methods: Color.RED.upper()
    if name.startswith("_"):
        raise AttributeError(f"{type(member).__name__!r} object has no attribute {name!r}")
    return getattr(member._value_, name)


class Enum(metaclass=EnumType):
    _member_type_ = object

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        return last_values[-1] + 1

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    # members are singletons: copy and deepcopy give the member itself
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __hash__(self):
        return hash(self._name_)


class ReprEnum(Enum):
    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class IntEnum(ReprEnum):
    # members compare and compute as their int values
    _member_type_ = int

    def __eq__(self, other):
        return self._value_ == _value_of(other)

    def __ne__(self, other):
        return self._value_ != _value_of(other)

    def __lt__(self, other):
        return self._value_ < _value_of(other)

    def __le__(self, other):
        return self._value_ <= _value_of(other)

    def __gt__(self, other):
        return self._value_ > _value_of(other)

    def __ge__(self, other):
        return self._value_ >= _value_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __add__(self, other):
        return self._value_ + _value_of(other)

    def __radd__(self, other):
        return _value_of(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _value_of(other)

    def __rsub__(self, other):
        return _value_of(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _value_of(other)

    def __rmul__(self, other):
        return _value_of(other) * self._value_


class StrEnum(ReprEnum):
    _member_type_ = str

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __eq__(self, other):
        return self._value_ == _value_of(other)

    def __ne__(self, other):
        return self._value_ != _value_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __add__(self, other):
        return self._value_ + _value_of(other)

    def __radd__(self, other):
        return _value_of(other) + self._value_


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ", ".join(f"{alias} -> {name}" for (alias, name) in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {alias_details}")
    return enumeration

# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, with CPython
# 3.11's reprs and errors. EnumType is a metaclass (corolab supports `metaclass=` for
# subclasses of type): it turns a class's plain attributes into members once
# the class is built, and gives the class iteration, len, [] and `in`.


_auto_null = object()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value

    # `WEEKEND = SATURDAY | SUNDAY` over auto() members in a class body: in
    # CPython each auto() has its value by then; here the expression is
    # kept and computed when the class is built (after its operands).
    def __or__(self, other):
        return _AutoOp(lambda a, b: a | b, self, other)

    def __and__(self, other):
        return _AutoOp(lambda a, b: a & b, self, other)

    def __xor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, self, other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class _AutoOp(auto):
    def __init__(self, fn, left, right):
        self.value = _auto_null
        self._fn = fn
        self._operands = (left, right)

    def _compute(self):
        left, right = [_auto_value(x) for x in self._operands]
        return self._fn(left, right)


def _auto_value(x):
    if isinstance(x, _AutoOp):
        return x._compute()
    if isinstance(x, auto):
        return x.value
    return x


def _bit_length(value):
    value = -value if value < 0 else value
    n = 0
    while value:
        value >>= 1
        n += 1
    return n


def _is_single_bit(value):
    return value > 0 and value & (value - 1) == 0


def _iter_bits_lsb(value):
    while value:
        bit = value & (~value + 1)
        yield bit
        value ^= bit


def _bin(num, max_bits=None):
    # enum.bin: "0b0 0101" / "0b1 1011" (sign bit, then the digits)
    ceiling = 2 ** _bit_length(num)
    if num >= 0:
        s = bin(num + ceiling).replace("1", "0", 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


Flag = None  # defined below; EnumType asks whether a class is a Flag


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
        is_flag = Flag is not None and issubclass(cls, Flag)
        if is_flag:
            cls._flag_mask_ = cls._singles_mask_ = 0
        for key, value in namespace.items():
            if not _is_member_candidate(key, value):
                continue
            if isinstance(value, _AutoOp):
                value.value = value._compute()
                value = value.value
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(key, 1, len(last_values), last_values[:])
                value = value.value
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
            member._sort_order_ = len(cls._member_map_)
            if is_flag:
                # multi-bit flags are aliases: not listed, not iterated
                cls._flag_mask_ |= value
                if _is_single_bit(value):
                    cls._singles_mask_ |= value
                    cls._member_names_.append(key)
            else:
                cls._member_names_.append(key)
            cls._member_map_[key] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            setattr(cls, key, member)
        cls.__members__ = dict(cls._member_map_)
        if is_flag:
            cls._all_bits_ = 2 ** _bit_length(cls._flag_mask_) - 1
            values = [cls._member_map_[name]._value_ for name in cls._member_names_]
            cls._by_definition_ = values != sorted(values)
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
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
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
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        raise TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None or a valid member")

    @classmethod
    def _missing_(cls, value):
        return None

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


# Flag boundaries (only the classes' defaults: `boundary=` is a class
# keyword corolab does not take).
STRICT, CONFORM, EJECT, KEEP = "strict", "conform", "eject", "keep"


class Flag(Enum):
    _boundary_ = STRICT

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _bit_length(last_value) - 1
        except Exception:
            raise TypeError("invalid flag value %r" % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        members = [cls._value2member_map_.get(val) for val in _iter_bits_lsb(value & cls._flag_mask_)]
        if cls._by_definition_:  # members not defined in increasing value order
            members.sort(key=lambda m: m._sort_order_)
        return iter(members)

    @classmethod
    def _missing_(cls, value):
        # a composite pseudo-member of the canonical members in `value`
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if cls._boundary_ is STRICT:
                max_bits = max(_bit_length(value), _bit_length(flag_mask))
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s" % (
                    cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** _bit_length(value)) + value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError("%s(%r) -->  unknown values %r [%s]" % (cls.__name__, value, unknown, bin(unknown)))
        pseudo_member = object.__new__(cls)
        pseudo_member._value_ = value
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pm in cls._member_map_.items():
                    if pm not in members and pm._value_ and pm._value_ & value == pm._value_:
                        members.append(pm)
                        combined_value |= pm._value_
            unknown = value ^ combined_value
            pseudo_member._name_ = "|".join([m._name_ for m in members])
            if not combined_value:
                pseudo_member._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError("%r: no members with value %r" % (cls, unknown))
            elif unknown:
                pseudo_member._name_ += "|%r" % unknown
        else:
            pseudo_member._name_ = None
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self._iter_member_(self._value_)))

    def __len__(self):
        return bin(self._value_).count("1")

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "<%s: %r>" % (cls_name, self._value_)
        return "<%s.%s: %r>" % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        other = self._operand(other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._operand(other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._operand(other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        inverted = getattr(self, "_inverted_", None)
        if inverted is None:
            if self._boundary_ in (EJECT, KEEP):
                inverted = self.__class__(~self._value_)
            else:
                inverted = self.__class__(self._singles_mask_ & ~self._value_)
            self._inverted_ = inverted
        return inverted

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(ReprEnum, Flag):
    # members compute as their int values (| & ^ ~ with ints stay flags)
    _member_type_ = int
    _boundary_ = KEEP

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ", ".join(f"{alias} -> {name}" for (alias, name) in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {alias_details}")
    return enumeration

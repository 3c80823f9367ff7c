# typing: every public name of CPython 3.11's typing, for annotations. As in
# CPython, annotations and generics cost nothing at run time: subscripting a
# special form gives an alias that does nothing; the helpers (cast,
# overload, final...) return their argument.


class _Form:
    # Any, Optional, Union, List, Callable...: subscriptable, callable as a type
    def __init__(self, name, origin=None, args=()):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Form(self._name, self, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is not None:
            raise TypeError(f"Type {self._name} cannot be instantiated")
        raise TypeError(f"Cannot instantiate typing.{self._name}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    # isinstance(x, typing.Iterable) asks collections.abc.Iterable
    def __instancecheck__(self, obj):
        return isinstance(obj, self._abc())

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._abc())

    def _abc(self):
        if self.__origin__ is not None:
            raise TypeError("Subscripted generics cannot be used with class and instance checks")
        import collections.abc
        abc = getattr(collections.abc, _ABC_NAMES.get(self._name, "_"), None)
        if abc is None:
            raise TypeError(f"typing.{self._name} cannot be used with isinstance()")
        return abc

    def __repr__(self):
        if self.__origin__ is None:
            return "typing." + self._name
        return "typing." + self._name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"


def _type_repr(obj):
    if isinstance(obj, type):
        return obj.__name__
    if obj is ...:
        return "..."
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


_ABC_NAMES = {name: name for name in (
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Iterable", "Iterator",
    "Generator", "Reversible", "Sized", "Container", "Collection", "Callable", "Hashable", "Sequence",
    "MutableSequence", "Mapping", "MutableMapping", "MutableSet", "ItemsView", "KeysView", "ValuesView",
    "MappingView")}
_ABC_NAMES["AbstractSet"] = "Set"

Any = _Form("Any")
Union = _Form("Union")
Optional = _Form("Optional")
Callable = _Form("Callable")
Awaitable = _Form("Awaitable")
Coroutine = _Form("Coroutine")
AsyncGenerator = _Form("AsyncGenerator")
AsyncIterable = _Form("AsyncIterable")
AsyncIterator = _Form("AsyncIterator")
Iterable = _Form("Iterable")
Iterator = _Form("Iterator")
Generator = _Form("Generator")
List = _Form("List")
Dict = _Form("Dict")
Set = _Form("Set")
FrozenSet = _Form("FrozenSet")
Tuple = _Form("Tuple")
Type = _Form("Type")
Sequence = _Form("Sequence")
MutableSequence = _Form("MutableSequence")
Mapping = _Form("Mapping")
MutableMapping = _Form("MutableMapping")
Collection = _Form("Collection")
Container = _Form("Container")
Hashable = _Form("Hashable")
Sized = _Form("Sized")
Reversible = _Form("Reversible")
AbstractSet = _Form("AbstractSet")
MutableSet = _Form("MutableSet")
DefaultDict = _Form("DefaultDict")
OrderedDict = _Form("OrderedDict")
Counter = _Form("Counter")
Deque = _Form("Deque")
ChainMap = _Form("ChainMap")
ItemsView = _Form("ItemsView")
KeysView = _Form("KeysView")
ValuesView = _Form("ValuesView")
MappingView = _Form("MappingView")
ContextManager = _Form("ContextManager")
AsyncContextManager = _Form("AsyncContextManager")
Literal = _Form("Literal")
Final = _Form("Final")
ClassVar = _Form("ClassVar")
Annotated = _Form("Annotated")
Concatenate = _Form("Concatenate")
TypeGuard = _Form("TypeGuard")
Required = _Form("Required")
NotRequired = _Form("NotRequired")
Self = _Form("Self")
LiteralString = _Form("LiteralString")
Never = _Form("Never")
NoReturn = _Form("NoReturn")
Unpack = _Form("Unpack")
TypeAlias = _Form("TypeAlias")
Pattern = _Form("Pattern")
Match = _Form("Match")
SupportsAbs = _Form("SupportsAbs")
SupportsBytes = _Form("SupportsBytes")
SupportsComplex = _Form("SupportsComplex")
SupportsFloat = _Form("SupportsFloat")
SupportsIndex = _Form("SupportsIndex")
SupportsInt = _Form("SupportsInt")
SupportsRound = _Form("SupportsRound")
IO = _Form("IO")
TextIO = _Form("TextIO")
BinaryIO = _Form("BinaryIO")
ByteString = _Form("ByteString")
Text = str
AnyStr = _Form("AnyStr")
TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __or__(self, other):
        return Union[self, other]

    def __repr__(self):
        return ("+" if self.__covariant__ else "-" if self.__contravariant__ else "~") + self.__name__


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class Generic:
    pass


class Protocol:
    pass


class NamedTuple:
    pass


class TypedDict:
    pass


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: " + repr(arg))


def reveal_type(obj):
    return obj


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def runtime_checkable(cls):
    return cls


def dataclass_transform(**kwargs):
    return lambda f: f


def type_check_only(func):
    return func


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


def get_overloads(func):
    return []


def clear_overloads():
    pass

# json: dumps/dump (JSONEncoder) and loads/load (JSONDecoder) as CPython
# 3.11's json module behaves: the same text out (separators, indent,
# NaN/Infinity, \u escapes), the same errors ("Expecting value: line 1
# column 1 (char 0)", "Object of type X is not JSON serializable").

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# ---- encoding ----

_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        e = _ESCAPES.get(ch)
        if e is not None:
            out.append(e)
            continue
        n = ord(ch)
        # CPython escapes control characters always, and everything outside
        # ' '..'~' under ensure_ascii (astral characters as surrogate pairs).
        if n < 0x20 or (ensure_ascii and n > 0x7e):
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        chunks = []
        _Encoding(self, indent, chunks).value(o, 0)
        return chunks


def _float_str(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return repr(float(o))  # float.__repr__: a subclass prints as a float
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


# One encode() call: the chunks written so far and the containers being
# written (check_circular).
class _Encoding:
    def __init__(self, enc, indent, chunks):
        self.enc = enc
        self.indent = indent
        self.out = chunks
        self.markers = [] if enc.check_circular else None

    def value(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(_encode_str(o, self.enc.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(repr(int(o)))
        elif isinstance(o, float):
            out.append(_float_str(o, self.enc.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.container(o, level, self.list_items)
        elif isinstance(o, dict):
            self.container(o, level, self.dict_items)
        else:
            self.mark(o)
            self.value(self.enc.default(o), level)
            self.unmark(o)

    # corolab has no id(): the containers being written are kept in a list
    # and compared by identity (as deep as the nesting).
    def mark(self, o):
        if self.markers is not None:
            for m in self.markers:
                if m is o:
                    raise ValueError("Circular reference detected")
            self.markers.append(o)

    def unmark(self, o):
        if self.markers is not None:
            self.markers.pop()

    def container(self, o, level, items):
        self.mark(o)
        items(o, level)
        self.unmark(o)

    # The separator before an item at `level`, and the closing one.
    def newline(self, level):
        if self.indent is None:
            return ''
        return '\n' + self.indent * level

    def list_items(self, lst, level):
        if not lst:
            self.out.append('[]')
            return
        self.out.append('[')
        sep = self.enc.item_separator + self.newline(level + 1)
        first = True
        for v in lst:
            self.out.append(self.newline(level + 1) if first else sep)
            first = False
            self.value(v, level + 1)
        self.out.append(self.newline(level) + ']')

    def dict_items(self, dct, level):
        if not dct:
            self.out.append('{}')
            return
        enc = self.enc
        self.out.append('{')
        sep = enc.item_separator + self.newline(level + 1)
        first = True
        items = sorted(dct.items()) if enc.sort_keys else dct.items()
        for key, v in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _float_str(key, enc.allow_nan)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = repr(int(key))
            elif enc.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {type(key).__name__}')
            self.out.append(self.newline(level + 1) if first else sep)
            first = False
            self.out.append(_encode_str(key, enc.ensure_ascii))
            self.out.append(enc.key_separator)
            self.value(v, level + 1)
        self.out.append(self.newline(level) + '}')


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None and indent is None
            and separators is None and default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
         indent=None, separators=None, default=None, sort_keys=False, **kw):
    # One write of the whole text: CPython writes it in many chunks, the
    # same characters.
    fp.write(dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                   allow_nan=allow_nan, cls=cls, indent=indent, separators=separators, default=default,
                   sort_keys=sort_keys, **kw))


# ---- decoding ----

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_CONSTANTS = {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.get
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        return self.value(s, idx)

    # The value starting at s[i] (no whitespace before it): (value, end).
    def value(self, s, i):
        c = s[i:i + 1]
        if c == '"':
            return self.string(s, i + 1)
        if c == '{':
            return self.object(s, i + 1)
        if c == '[':
            return self.array(s, i + 1)
        if c == 'n' and s[i:i + 4] == 'null':
            return None, i + 4
        if c == 't' and s[i:i + 4] == 'true':
            return True, i + 4
        if c == 'f' and s[i:i + 5] == 'false':
            return False, i + 5
        if c == 'N' and s[i:i + 3] == 'NaN':
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s[i:i + 8] == 'Infinity':
            return self.parse_constant('Infinity'), i + 8
        return self.number(s, i)

    def number(self, s, start):
        n = len(s)
        i = start
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and s[i] in _DIGITS:
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            if s[start:start + 9] == '-Infinity':
                return self.parse_constant('-Infinity'), start + 9
            raise JSONDecodeError("Expecting value", s, start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        text = s[start:i]
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    # The string whose opening quote is at s[end - 1].
    def string(self, s, end):
        begin = end - 1
        n = len(s)
        chunks = []
        while True:
            j = end
            while j < n:
                c = s[j]
                if c == '"' or c == '\\':
                    break
                if c < ' ' and self.strict:
                    raise JSONDecodeError("Invalid control character at", s, j)
                j += 1
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            chunks.append(s[end:j])
            if s[j] == '"':
                return ''.join(chunks), j + 1
            if j + 1 >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            esc = s[j + 1]
            if esc != 'u':
                if esc not in _BACKSLASH:
                    raise JSONDecodeError("Invalid \\escape", s, j)
                chunks.append(_BACKSLASH[esc])
                end = j + 2
                continue
            uni = self.hex4(s, j)
            end = j + 6
            if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                uni2 = self.hex4(s, end)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            chunks.append(chr(uni))

    # The four hex digits after the \u at s[j].
    def hex4(self, s, j):
        digits = s[j + 2:j + 6]
        if len(digits) != 4 or any(d not in _HEX for d in digits):
            raise JSONDecodeError("Invalid \\uXXXX escape", s, j + 1)
        return int(digits, 16)

    def object(self, s, end):
        pairs = []
        end = _skip_ws(s, end)
        c = s[end:end + 1]
        if c == '}':
            return self.make_object(pairs), end + 1
        if c != '"':
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = self.string(s, end)
            end = _skip_ws(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_ws(s, end + 1)
            value, end = self.value(s, end)
            pairs.append((key, value))
            end = _skip_ws(s, end)
            c = s[end:end + 1]
            end += 1
            if c == '}':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
            c = s[end:end + 1]
            end += 1
            if c != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end - 1)
        return self.make_object(pairs), end

    def make_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def array(self, s, end):
        values = []
        end = _skip_ws(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        while True:
            value, end = self.value(s, end)
            values.append(value)
            end = _skip_ws(s, end)
            c = s[end:end + 1]
            end += 1
            if c == ']':
                return values, end
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    # corolab has no bytes: only str is accepted.
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {type(s).__name__}')
    if s.startswith('\ufeff'):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
         object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)

# bytes: literals, repr, len, indexing, slicing, iteration, comparison, hashing,
# + and *, in, decode/encode, constructors, hex/fromhex, methods and errors.
b = b'hello\n\t\x00\xff "q"'
print(b, repr(b), len(b), b[0], b[-1], b[1:3], b[::2], type(b).__name__)
print(list(b'abc'), [x for x in b'hi'], isinstance(b, bytes))
print(b'ab' == b'ab', b'ab' != b'ac', b'ab' < b'b', b'ab' == 'ab', hash(b'x') == hash(b'x'))
print(b'ab' + b'cd', b'ab' * 3, 2 * b'x', b'' * 5)
print(98 in b'abc', b'bc' in b'abc', b'zz' in b'abc')
print('café'.encode(), 'café'.encode('utf-8'), b'caf\xc3\xa9'.decode(), b'abc'.decode('ascii'))
print(bytes(3), bytes([65, 66, 67]), bytes('hi', 'utf-8'), bytes(), bytes(b'x'), bytes(range(3)))
print(b'\x01\xab'.hex(), bytes.fromhex('de ad BE EF'), b'abc'.hex(':'))
print(b'hello world'.split(), b'a,b,,c'.split(b','), b'  x  '.strip(), b'xxhixx'.strip(b'x'))
print(b'-'.join([b'a', b'b']), b'Hello'.upper(), b'Hello'.lower(), b'aaa'.replace(b'a', b'bb', 2))
print(b'hello'.startswith(b'he'), b'hello'.endswith((b'x', b'lo')), b'hello'.find(b'l'), b'hello'.find(b'z'), b'hello'.count(b'l'))
print(rb'\n', Rb'\x', BR"raw\d", b"it's", b'say "hi"', b"both ' and \"")
print(b'a' b'b', {b'k': 1}[b'k'], sorted([b'b', b'a', b'c']), bool(b''), bool(b'x'))
print(f"{b'x'}", str(b'y'), b'\u1234', b'\N{x}')
for bad in [lambda: b'\xff'.decode(), lambda: b'\xc3'.decode(), lambda: b'\xc3\x28'.decode(), lambda: 'é'.encode('ascii'),
            lambda: b'a' + 'b', lambda: b'a' * 'b', lambda: 2.5 * b'x', lambda: f"{b'x':>5}", lambda: b'x'.index(b'z'), lambda: bytes('x'), lambda: bytes([256]), lambda: bytes(['a']), lambda: b'x'[5],
            lambda: 'x' in b'abc', lambda: 300 in b'abc', lambda: bytes.fromhex('zz'), lambda: b'x'.decode('nope'),
            lambda: b'x' < 'y', lambda: bytes(-1), lambda: bytes(1.5), lambda: b'\x80abc'.decode('ascii')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b'\xff'.decode(errors='replace'), b'a\xffb'.decode('utf-8', 'ignore'), 'aé'.encode('ascii', 'replace'), 'aé'.encode('latin-1'))

print(b'abc'[::-1], b'abcdef'[-2:], b'abc'[5:], b''.join([]), b'a' in b'', b'' in b'abc')
print(b'a,b'.split(b',', 1), b'a b  c'.split(None, 1), b'abc'.index(b'c'), b'aXbXc'.replace(b'X', b''), b''.replace(b'', b'-'), b'ab'.replace(b'', b'-'))
print(max([b'b', b'a']), b'abc' > b'ab', b'A'.lower() == b'a', [b for b in b'\x00\x01'])
d = {}
d[b'k'] = 1
d[b'k'] += 1
print(d, b'k' in d, {b'a', b'a'})

import asyncio

async def reader(lines):
    for line in lines:
        await asyncio.sleep(0.1)
        yield line

async def main():
    received = b''
    async for chunk in reader([b'GET / HTTP/1.1\r\n', b'Host: example\r\n', b'\r\n']):
        received += chunk
        print(f"{asyncio.get_running_loop().time():.1f}", chunk)
    print(received.split(b'\r\n')[0].decode(), len(received))

asyncio.run(main())

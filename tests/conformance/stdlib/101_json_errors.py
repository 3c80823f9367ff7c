# json errors: JSONDecodeError positions and messages, values that cannot be
# encoded, circular references; an uncaught decode error ends the run.
import asyncio
import json


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def try_loads(text):
    try:
        print("ok", json.loads(text))
    except json.JSONDecodeError as e:
        print(repr(text), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == text)


def try_dumps(obj, **kw):
    try:
        print("ok", json.dumps(obj, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


async def fetch(payload):
    await asyncio.sleep(0.5)
    return json.loads(payload)


async def main():
    for text in ['', '   ', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}', '[1 2]', '"abc',
                 '"a\\x"', '"a\\u12"', '"a\\u12zz"', '"a\x01"', '[1]x', '01', '-', '{"a":}',
                 '\n\n  [1,\n  2', '"\\', '[', '{', '{"a"', 'nul', 'tru', '1.', '1e', '1e+',
                 '-Infinityx', '[1, 2', '{"a": 1 "b": 2}', 'NaNa', '  {"x": [true, false, null,]}']:
        try_loads(text)
    print(issubclass(json.JSONDecodeError, ValueError))
    try:
        json.loads('{"k": tru}')
    except ValueError as e:
        print("caught as ValueError:", type(e).__name__, e.args)
    try:
        json.loads(42)
    except TypeError as e:
        print("TypeError", e)
    try_dumps(Point(1, 2))
    try_dumps({"when": {1, 2}})
    try_dumps([1, 2, object])
    try_dumps({(1, 2): 3})
    try_dumps({"a": 1, 2: "b"}, sort_keys=True)
    try_dumps([float("nan")], allow_nan=False)
    try_dumps({"x": float("inf")}, allow_nan=False)
    try_dumps({float("-inf"): 1}, allow_nan=False)
    loop = [1, 2]
    loop.append(loop)
    try_dumps(loop)
    d = {"self": None}
    d["self"] = d
    try_dumps(d, indent=2)
    try_dumps(Point(0, 0), default=lambda o: o)
    shared = [0]
    try_dumps([shared, shared, {"again": shared}])
    try_dumps(Point(3, 4), default=lambda o: o.__dict__)
    tasks = [asyncio.create_task(fetch(p)) for p in ['{"id": 1}', '{"id": 2,}']]
    for t in tasks:
        print(await t)


asyncio.run(main())

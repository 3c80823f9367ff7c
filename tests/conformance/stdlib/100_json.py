# json: tasks report results as JSON lines; dumps options and loads round trips.
import asyncio
import json
import sys
from dataclasses import dataclass, asdict


@dataclass
class Job:
    name: str
    retries: int
    ok: bool


async def worker(name, delay):
    await asyncio.sleep(delay)
    return {"worker": name, "delay": delay, "tags": ("a", "b"), "done": True, "error": None}


async def main():
    results = await asyncio.gather(worker("w1", 0.2), worker("w2", 0.1))
    for r in results:
        print(json.dumps(r))
    print(json.dumps(results, indent=2))
    print(json.dumps(results[0], indent="\t", sort_keys=True))
    print(json.dumps({"b": [1, 2, {"c": []}], "a": {}}, indent=0))
    print(json.dumps([1, [2, [3]]], separators=(",", ":")))
    print(json.dumps({"k": 1}, separators=(";", "=")))
    # floats, ints, big ints, specials, key coercion
    print(json.dumps([0.1, 1e16, 1.5e-7, -0.0, 3.0, 10**20, -7, 2**63]))
    print(json.dumps([float("nan"), float("inf"), -float("inf")]))
    print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none", "s": "str"}))
    print(json.dumps({False: 0, 0.0: 1}))
    # strings
    print(json.dumps("quote \" backslash \\ slash / tab\t nl\n cr\r bell\x07 del\x7f"))
    print(json.dumps("caf\u00e9 \u20ac \U0001F600"))
    print(json.dumps("caf\u00e9 \u20ac \U0001F600", ensure_ascii=False))
    print(json.dumps({"\u00e9": "x"}, ensure_ascii=False, sort_keys=True))
    # default and cls
    job = Job("build", 3, True)
    print(json.dumps(job, default=asdict))
    print(json.dumps({"jobs": [job, Job("test", 0, False)]}, default=lambda o: o.name))

    class SetEncoder(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, (set, frozenset)):
                return sorted(o)
            return super().default(o)

    print(json.dumps({"ids": {3, 1, 2}}, cls=SetEncoder))
    print(SetEncoder(indent=1).encode([frozenset({"y", "x"})]))
    print(json.JSONEncoder(sort_keys=True).encode({"z": 1, "a": 2}))
    print(json.dumps({(1, 2): "tuple key", "ok": 1}, skipkeys=True))
    json.dump({"to": "stdout", "n": [1, 2]}, sys.stdout, indent=1)
    print()
    # loads
    text = '{"name": "w1", "vals": [1, 2.5, -3e2, true, false, null], "nested": {"a": {"b": []}}, "u": "\\u00e9\\ud83d\\ude00\\n"}'
    data = json.loads(text)
    print(data)
    print(type(data["vals"][1]).__name__, type(data["vals"][2]).__name__)
    print(json.loads(json.dumps(data)) == data)
    print(json.loads('  [ 1 , 2 ]\n\t'), json.loads('"x"'), json.loads("12"), json.loads("-0"), json.loads("1E3"))
    print(json.loads("[NaN, Infinity, -Infinity]"))
    print(json.loads('{"a": 1, "a": 2}'))
    print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: sorted(d.items(), reverse=True)))
    print(json.loads('{"x": 1, "y": [{"z": 0}]}', object_pairs_hook=lambda pairs: ["pairs"] + pairs))
    print(json.loads('[1.5, 2, 3]', parse_float=str, parse_int=lambda s: int(s) * 10))
    print(json.loads("[NaN]", parse_constant=lambda name: "const " + name))
    print(json.loads('"a\\/b\\"c\\\\d\\b\\f\\t"') == 'a/b"c\\d\b\f\t')
    print(json.JSONDecoder().raw_decode('{"a": 1} trailing'))
    print(json.loads('"tab\tinside"', strict=False))


asyncio.run(main())

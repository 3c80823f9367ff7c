import asyncio
# Found by the fuzzer (ev = asyncio.Event; ev.set()): a method of a native
# class called with a self of another type. CPython: TypeError.
asyncio.Event.set(None)

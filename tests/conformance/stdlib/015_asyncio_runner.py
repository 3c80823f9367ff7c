# asyncio.Runner (3.11): one loop for several run() calls, close() ending
# what is left as asyncio.run() does, and CPython's errors.
import asyncio


async def tick(name, delay):
    await asyncio.sleep(delay)
    print(name, "at", asyncio.get_running_loop().time())
    return name.upper()


async def forever():
    try:
        await asyncio.sleep(100)
    finally:
        print("forever cancelled by close()")


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("async generator closed by close()")


async def start_background():
    asyncio.create_task(forever(), name="background")
    gen = agen()
    print("first item", await gen.__anext__())
    return gen


async def fails():
    await asyncio.sleep(0.5)
    raise ValueError("boom")


with asyncio.Runner(debug=False) as runner:
    loop = runner.get_loop()
    print(type(runner).__name__, loop.is_closed(), loop.is_running())
    print(runner.run(tick("a", 1)))
    print(runner.run(tick("b", 0.5)))
    print(asyncio.get_event_loop() is loop, runner.get_loop() is loop)
    gen = runner.run(start_background())
    try:
        runner.run(fails())
    except ValueError as e:
        print("run raised", repr(e))
    coro = tick("c", 1)
    try:
        runner.run(coro)
        runner.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
print("closed:", loop.is_closed())

late = tick("d", 1)
try:
    runner.run(late)
except RuntimeError as e:
    print("RuntimeError:", e)
late.close()
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
runner.close()  # a second close does nothing

runner = asyncio.Runner()
for bad in (42, "main()"):
    try:
        runner.run(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    asyncio.Runner(True)
except TypeError as e:
    print("TypeError:", e)


async def nested():
    inner = tick("e", 1)
    try:
        runner.run(inner)
    except RuntimeError as e:
        print("RuntimeError:", e)
    inner.close()


coro = nested()
runner.run(coro)
runner.close()
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

with asyncio.Runner(loop_factory=asyncio.new_event_loop) as other:
    print(other.run(tick("f", 2)))
print(asyncio.run(tick("g", 1)))

try:
    with asyncio.Runner() as runner:
        runner.run(start_background())
        raise KeyError("left the block")
except KeyError as e:
    print("KeyError after close():", e)

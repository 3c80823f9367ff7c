# From the Python 3.11 documentation, library/asyncio-task.rst lines 335-339; see README.md.
import asyncio  # corpus: added import


async def some_coro(arg):  # corpus: stand-in for the docs' undefined coroutine
    await asyncio.sleep(1)


async def another_coro(arg):  # corpus: stand-in for the docs' undefined coroutine
    await asyncio.sleep(2)


async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(some_coro(...))
        task2 = tg.create_task(another_coro(...))
    print("Both tasks have completed now.")


asyncio.run(main())  # corpus: added entry point

# From the Python 3.11 documentation, library/asyncio-task.rst lines 683-692; see README.md.
import asyncio
from asyncio import get_running_loop  # corpus: the docs use the bare name


async def long_running_task():  # corpus: stands for the docs' undefined long operation
    await asyncio.sleep(3600)


async def main():
    loop = get_running_loop()
    deadline = loop.time() + 20
    try:
        async with asyncio.timeout_at(deadline):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")

    print("This statement will run regardless.")


asyncio.run(main())  # corpus: added entry point

# From the Python 3.11 documentation, library/asyncio-task.rst lines 611-618; see README.md.
import asyncio


async def long_running_task():  # corpus: stands for the docs' undefined long operation
    await asyncio.sleep(3600)


async def main():
    try:
        async with asyncio.timeout(10):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")

    print("This statement will run regardless.")


asyncio.run(main())  # corpus: added entry point

# From the Python 3.11 documentation, library/asyncio-task.rst lines 593-595; see README.md.
import asyncio  # corpus: added import


async def long_running_task():  # corpus: stands for the page's undefined long_running_task()
    await asyncio.sleep(3600)  # corpus: stand-in that outlasts the timeout


async def main():
    async with asyncio.timeout(10):
        await long_running_task()


asyncio.run(main())  # corpus: added entry point

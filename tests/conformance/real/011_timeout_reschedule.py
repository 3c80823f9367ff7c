# From the Python 3.11 documentation, library/asyncio-task.rst lines 657-670; see README.md.
import asyncio
from asyncio import get_running_loop  # corpus: the docs use the bare name


async def long_running_task():  # corpus: stands for the docs' undefined long operation
    await asyncio.sleep(3600)


async def main():
    try:
        # We do not know the timeout when starting, so we pass ``None``.
        async with asyncio.timeout(None) as cm:
            # We know the timeout now, so we reschedule it.
            new_deadline = get_running_loop().time() + 10
            cm.reschedule(new_deadline)

            await long_running_task()
    except TimeoutError:
        pass

    if cm.expired():
        print("Looks like we haven't finished on time.")


asyncio.run(main())  # corpus: added entry point

# From the Python 3.11 documentation, library/asyncio-task.rst lines 1216-1225; see README.md.
import asyncio  # corpus: added import

log = print  # corpus: stand-in for the docs' undefined logger


# corpus: stand-ins for the docs' undefined operations; the second request outlasts the timeout.
async def make_request():
    await asyncio.sleep(0.5)


async def make_another_request():
    await asyncio.sleep(3600)


async def unrelated_code():
    await asyncio.sleep(1)


async def make_request_with_timeout():
    try:
        async with asyncio.timeout(1):
            # Structured block affected by the timeout:
            await make_request()
            await make_another_request()
    except TimeoutError:
        log("There was a timeout")
    # Outer code not affected by the timeout:
    await unrelated_code()


asyncio.run(make_request_with_timeout())  # corpus: added entry point

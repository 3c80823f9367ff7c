import asyncio

async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("worker cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print("worker cleanup")

async def main():
    try:
        await asyncio.wait_for(worker(), 1)
    except TimeoutError as e:
        print("TimeoutError", type(e).__name__, repr(str(e)))

asyncio.run(main())

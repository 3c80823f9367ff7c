import asyncio

async def slow(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        print("slow", n, "cancelled")
        raise

async def main():
    try:
        async with asyncio.timeout(1.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(slow(1))
                tg.create_task(slow(2))
                tg.create_task(slow(3))
    except TimeoutError:
        print("group timed out at", asyncio.get_running_loop().time())

asyncio.run(main())

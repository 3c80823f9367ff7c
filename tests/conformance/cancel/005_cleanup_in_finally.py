import asyncio

async def job():
    try:
        await asyncio.sleep(3)
    finally:
        print("cleanup starts")
        await asyncio.sleep(0.5)
        print("cleanup done")

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled at", asyncio.get_running_loop().time())

asyncio.run(main())

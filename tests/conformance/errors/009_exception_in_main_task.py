import asyncio

async def main():
    print("main starts")
    await asyncio.sleep(1)
    raise RuntimeError("main failed after 1s")

asyncio.run(main())
print("not reached")

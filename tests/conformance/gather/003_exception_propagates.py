import asyncio

async def ok(n):
    await asyncio.sleep(n)
    print("ok", n)
    return n

async def fail():
    await asyncio.sleep(0.5)
    raise ValueError("failed at 0.5")

async def main():
    try:
        await asyncio.gather(ok(1), fail(), ok(2))
    except ValueError as e:
        print("caught:", e)
    await asyncio.sleep(3)
    print("main done")

asyncio.run(main())

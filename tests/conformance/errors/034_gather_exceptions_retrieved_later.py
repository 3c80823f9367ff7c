import asyncio

async def bad(n):
    await asyncio.sleep(n)
    raise ValueError(f"bad {n}")

async def main():
    try:
        await asyncio.gather(bad(1), bad(2))
    except ValueError as e:
        print("first error:", e)
    await asyncio.sleep(3)
    print("end of main")

asyncio.run(main())

import asyncio

async def broken():
    await asyncio.sleep(0.5)
    raise ValueError("inner failure")

async def main():
    try:
        await asyncio.wait_for(broken(), timeout=2)
    except ValueError as e:
        print("ValueError passed through:", e, asyncio.get_running_loop().time())

asyncio.run(main())

import asyncio

async def slow():
    await asyncio.sleep(10)
    return "never"

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=1.5)
    except asyncio.TimeoutError:
        print("timeout at", asyncio.get_running_loop().time())

asyncio.run(main())

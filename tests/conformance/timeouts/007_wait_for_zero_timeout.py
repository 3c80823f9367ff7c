import asyncio

async def instant():
    return "instant"

async def main():
    try:
        print(await asyncio.wait_for(asyncio.sleep(1), 0))
    except asyncio.TimeoutError:
        print("zero timeout expired")
    t = asyncio.create_task(instant())
    await asyncio.sleep(0)
    print(await asyncio.wait_for(t, 0))

asyncio.run(main())

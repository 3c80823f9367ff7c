import asyncio

async def main():
    print(asyncio.TimeoutError is TimeoutError)
    try:
        await asyncio.wait_for(asyncio.sleep(3), 0.1)
    except TimeoutError as e:
        print("caught builtin TimeoutError:", type(e).__name__)

asyncio.run(main())

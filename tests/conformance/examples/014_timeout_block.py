import asyncio

async def main():
    try:
        async with asyncio.timeout(1.5):
            for i in range(5):
                await asyncio.sleep(1)
                print(f"step {i}")
    except TimeoutError:
        print("timed out")

asyncio.run(main())

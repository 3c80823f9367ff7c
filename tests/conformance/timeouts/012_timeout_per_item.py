import asyncio

async def process(item):
    await asyncio.sleep(item)
    return item * 10

async def main():
    for item in [0.5, 2, 1]:
        try:
            result = await asyncio.wait_for(process(item), timeout=1.5)
            print(f"{asyncio.get_running_loop().time():.1f} item {item} -> {result}")
        except asyncio.TimeoutError:
            print(f"{asyncio.get_running_loop().time():.1f} item {item} timed out")

asyncio.run(main())

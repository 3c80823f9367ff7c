import asyncio

async def save(item):
    await asyncio.sleep(0.1)
    print("saved", item)

async def main():
    save("forgotten")
    await save("awaited")

asyncio.run(main())

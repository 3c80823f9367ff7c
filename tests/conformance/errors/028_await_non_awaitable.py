import asyncio

def not_async():
    return 5

async def main():
    value = await not_async()
    print(value)

asyncio.run(main())

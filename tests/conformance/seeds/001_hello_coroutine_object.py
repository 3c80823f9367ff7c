import asyncio

async def main():
    print("Hello")

coro = main()
print(type(coro).__name__)
asyncio.run(coro)

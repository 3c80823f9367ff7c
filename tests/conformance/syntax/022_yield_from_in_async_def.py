# expect-line: 6
# `yield from` is not allowed in an async function.
import asyncio

async def numbers():
    yield from [1, 2, 3]

async def main():
    async for n in numbers():
        print(n)

asyncio.run(main())

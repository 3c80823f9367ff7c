# expect-line: 5
import asyncio

async def main():
print("not indented")

asyncio.run(main())

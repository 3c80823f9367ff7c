import asyncio

async def main():
    value = await asyncio.sleep(2, result="ready")
    print(value)
    nothing = await asyncio.sleep(0.5)
    print(nothing)

asyncio.run(main())

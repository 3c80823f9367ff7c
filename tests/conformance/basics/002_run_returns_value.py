import asyncio

async def compute():
    await asyncio.sleep(0.5)
    return 42

result = asyncio.run(compute())
print("result:", result)

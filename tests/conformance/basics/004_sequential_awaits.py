import asyncio

async def step(name, delay):
    print(f"start {name}")
    await asyncio.sleep(delay)
    print(f"end {name}")
    return delay

async def main():
    total = 0
    total += await step("a", 1)
    total += await step("b", 2)
    print("total", total)

asyncio.run(main())

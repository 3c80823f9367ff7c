import asyncio

async def validate(n):
    await asyncio.sleep(n / 10)
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n

async def main():
    tasks = [asyncio.create_task(validate(n)) for n in [3, -1, 2]]
    for t in tasks:
        try:
            print("ok", await t)
        except ValueError as e:
            print("failed", e, "at", asyncio.get_running_loop().time())

asyncio.run(main())

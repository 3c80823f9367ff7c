import asyncio

async def worker(name):
    for i in range(3):
        print(f"{name} step {i}")
        await asyncio.sleep(0)   # give the other task a turn

async def main():
    await asyncio.gather(worker("A"), worker("B"))

asyncio.run(main())

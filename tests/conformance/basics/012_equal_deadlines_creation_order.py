import asyncio

async def wake(name):
    await asyncio.sleep(1)
    print("woke", name)

async def main():
    tasks = [asyncio.create_task(wake(n)) for n in "ABCDEFGHIJ"]
    await asyncio.sleep(1)
    print("main woke")
    await asyncio.gather(*tasks)

asyncio.run(main())

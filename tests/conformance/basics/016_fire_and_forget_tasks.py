import asyncio

async def background(n):
    await asyncio.sleep(n)
    print("background", n, "done")

async def main():
    for n in [3, 1, 2]:
        asyncio.create_task(background(n))
    print("main sleeps")
    await asyncio.sleep(2.5)
    print("main exits")

asyncio.run(main())
print("after run")

import asyncio

async def ticker(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.5)
    finally:
        print(name, "cleanup starts")
        await asyncio.sleep(1)
        print(name, "cleanup done")

async def other():
    for i in range(3):
        print("other", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(other())
    async for i in ticker("a"):
        print("got", i)
        if i == 1:
            break
    print("after break")
    await asyncio.sleep(0)
    print("after sleep 0")
    await asyncio.sleep(2)
    print("end")
    g = ticker("b")
    print(await g.__anext__())
    del g
    print("deleted")
    await asyncio.sleep(3)

asyncio.run(main())

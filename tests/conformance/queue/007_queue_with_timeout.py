import asyncio

async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), timeout=1)
    except asyncio.TimeoutError:
        print("no item within 1s")
    q.put_nowait(1)
    print(await asyncio.wait_for(q.get(), timeout=1), q.qsize())

asyncio.run(main())

import asyncio

async def listener(ev, name, patience):
    try:
        await asyncio.wait_for(ev.wait(), timeout=patience)
        print(name, "heard it at", asyncio.get_running_loop().time())
    except asyncio.TimeoutError:
        print(name, "gave up at", asyncio.get_running_loop().time())

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(listener(ev, n, p)) for n, p in [("patient", 5), ("impatient", 1), ("average", 2)]]
    await asyncio.sleep(1.5)
    ev.set()
    await asyncio.gather(*tasks)

asyncio.run(main())

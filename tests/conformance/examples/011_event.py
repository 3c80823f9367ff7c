import asyncio

async def waiter(name, event):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} woke up")

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("a", "b", "c")]
    await asyncio.sleep(2)
    print("setting the event")
    event.set()
    await asyncio.gather(*tasks)

asyncio.run(main())

import asyncio

async def sleeper(d):
    await asyncio.sleep(d)

async def main():
    for d in (1, 2, 3):
        asyncio.create_task(sleeper(d), name=f"sleeper-{d}")
    print(len(asyncio.all_tasks()))
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(asyncio.current_task() in asyncio.all_tasks())

asyncio.run(main())

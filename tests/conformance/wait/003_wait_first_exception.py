import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def bad(d):
    await asyncio.sleep(d)
    raise ValueError(f"bad after {d}")

async def main():
    tasks = [asyncio.create_task(ok(1)), asyncio.create_task(bad(1.5)), asyncio.create_task(ok(3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(asyncio.get_running_loop().time(), len(done), len(pending))
    for t in tasks:
        if t in done:
            print(t.get_name(), "exception:", t.exception())
        else:
            print(t.get_name(), "pending")
            t.cancel()

asyncio.run(main())

import asyncio

async def heartbeat(interval):
    n = 0
    try:
        while True:
            await asyncio.sleep(interval)
            n += 1
            print("heartbeat", n)
    except asyncio.CancelledError:
        print("heartbeat stopped after", n, "beats")
        raise

async def work():
    await asyncio.sleep(2.2)
    print("work finished")

async def main():
    hb = asyncio.create_task(heartbeat(0.5))
    await work()
    hb.cancel()
    try:
        await hb
    except asyncio.CancelledError:
        pass
    print("main finished at", asyncio.get_running_loop().time())

asyncio.run(main())

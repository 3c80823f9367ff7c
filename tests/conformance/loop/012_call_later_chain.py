import asyncio

def tick(loop, n, done):
    print("tick", n, loop.time())
    if n < 3:
        loop.call_later(0.5, tick, loop, n + 1, done)
    else:
        done.set_result("finished")

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_soon(tick, loop, 0, done)
    print(await done)

asyncio.run(main())

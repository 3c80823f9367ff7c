import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.5
    try:
        async with asyncio.timeout_at(deadline):
            for i in range(5):
                await asyncio.sleep(0.5)
                print("tick", i)
    except TimeoutError:
        print("deadline reached", loop.time())

asyncio.run(main())

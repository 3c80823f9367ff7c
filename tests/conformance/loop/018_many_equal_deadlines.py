import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    for i in range(16):
        loop.call_later(1, order.append, i)
    now = loop.time()
    for i in range(16, 20):
        loop.call_at(now + 1, order.append, i)
    await asyncio.sleep(1.5)
    print(order)

asyncio.run(main())

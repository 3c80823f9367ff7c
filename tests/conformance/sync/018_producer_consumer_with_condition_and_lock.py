import asyncio

class BoundedBuffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = asyncio.Condition()

    async def put(self, item):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.size)
            self.items.append(item)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item

async def producer(buf):
    for i in range(5):
        await buf.put(i)
        print(f"{asyncio.get_running_loop().time():.1f} put {i}")

async def consumer(buf):
    for _ in range(5):
        await asyncio.sleep(0.5)
        print(f"{asyncio.get_running_loop().time():.1f} got {await buf.get()}")

async def main():
    buf = BoundedBuffer(2)
    await asyncio.gather(producer(buf), consumer(buf))

asyncio.run(main())

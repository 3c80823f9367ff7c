import asyncio

class RateLimiter:
    def __init__(self, per_second):
        self.interval = 1 / per_second
        self.calls = 0

    async def wait(self):
        self.calls += 1
        await asyncio.sleep(self.interval)

class Client:
    def __init__(self, limiter):
        self.limiter = limiter

    async def get(self, path):
        await self.limiter.wait()
        return f"GET {path}"

async def main():
    client = Client(RateLimiter(4))
    for p in ["/a", "/b", "/c"]:
        print(asyncio.get_running_loop().time(), await client.get(p))
    print("calls", client.limiter.calls)

asyncio.run(main())

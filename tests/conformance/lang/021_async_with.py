import asyncio

class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("connecting", self.name)
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.25)
        print("closed", self.name)

async def main():
    async with Connection("db") as conn:
        print("query on", conn.name)
        await asyncio.sleep(1)
    print("after")

asyncio.run(main())

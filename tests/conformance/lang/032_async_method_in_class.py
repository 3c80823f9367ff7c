import asyncio

class Downloader:
    def __init__(self, delay):
        self.delay = delay
        self.count = 0

    async def fetch(self, url):
        await asyncio.sleep(self.delay)
        self.count += 1
        return f"<{url}>"

async def main():
    d = Downloader(0.5)
    pages = await asyncio.gather(d.fetch("a"), d.fetch("b"), d.fetch("c"))
    print(pages, d.count)

asyncio.run(main())

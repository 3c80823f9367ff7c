import asyncio

async def crawl(site, delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.2f} crawled {site}")
    return len(site) * 100

async def main():
    sites = {"python.org": 0.8, "example.com": 0.3, "asyncio.dev": 0.5}
    tasks = {name: asyncio.create_task(crawl(name, d)) for name, d in sites.items()}
    sizes = {name: await t for name, t in tasks.items()}
    print(sizes)

asyncio.run(main())

# Real-time reference (tests/oracle/realtime.py).
import asyncio
import time


def fetch(url, *, retries=1):
    time.sleep(0.5)
    if url.startswith("bad"):
        raise ValueError(f"cannot fetch {url} after {retries} tries")
    return f"{url}: ok"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(fetch, "good.example", retries=3))
    try:
        await asyncio.to_thread(fetch, "bad.example", retries=2)
    except ValueError as e:
        print("ValueError:", e, int(loop.time() * 10 + 0.25) / 10)
    results = await asyncio.gather(asyncio.to_thread(fetch, "a"), asyncio.to_thread(fetch, "bad"),
                                   return_exceptions=True)
    print(results, int(loop.time() * 10 + 0.25) / 10)


asyncio.run(main())

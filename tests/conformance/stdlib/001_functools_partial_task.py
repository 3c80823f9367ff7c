# functools.partial handed to create_task and call_later; wraps on an async decorator.
import asyncio
import functools
import time


def timed(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = await func(*args, **kwargs)
        print(f"{func.__name__} took {time.perf_counter() - start:.2f}s")
        return result
    return wrapper


@timed
async def fetch(url, delay=1.0):
    """Pretend to download url."""
    await asyncio.sleep(delay)
    return f"<{url}>"


def on_timer(label, loop):
    print(f"timer {label} at {loop.time():.1f}")


async def main():
    loop = asyncio.get_running_loop()
    print(fetch.__name__, fetch.__doc__, fetch.__wrapped__.__name__)
    jobs = [functools.partial(fetch, f"site{i}.com", delay=i * 0.5) for i in range(1, 4)]
    print(jobs[0].args, jobs[0].keywords)
    loop.call_later(0.7, functools.partial(on_timer, "A", loop))
    tasks = [asyncio.create_task(job()) for job in jobs]
    pages = await asyncio.gather(*tasks)
    print(pages)
    total = functools.reduce(lambda acc, page: acc + len(page), pages, 0)
    print("total length", total, functools.reduce(max, [3, 9, 4]))
    try:
        functools.reduce(max, [])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())

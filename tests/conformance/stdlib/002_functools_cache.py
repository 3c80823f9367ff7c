# lru_cache / cache around the helpers of an async pipeline.
import asyncio
from functools import lru_cache, cache


@lru_cache(maxsize=2)
def config(name):
    print("loading config", name)
    return {"name": name, "retries": len(name)}


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@lru_cache
def square(x):
    return x * x


async def worker(name):
    cfg = config(name)
    await asyncio.sleep(cfg["retries"] / 10)
    print(f"{name}: retries={cfg['retries']} fib={fib(cfg['retries'] * 5)}")


async def main():
    await asyncio.gather(worker("a"), worker("bb"), worker("a"), worker("ccc"), worker("a"))
    print(config.cache_info())
    print(fib.cache_info())
    print(square(3), square(3), square(4), square.cache_info())
    config.cache_clear()
    print(config.cache_info())


asyncio.run(main())

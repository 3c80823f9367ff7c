import asyncio

class FetchError(Exception):
    pass

async def fetch(url):
    await asyncio.sleep(0.5)
    if "bad" in url:
        raise FetchError(f"cannot fetch {url}")
    return f"content of {url}"

async def main():
    for url in ["good.example", "bad.example"]:
        try:
            print(await fetch(url))
        except FetchError as e:
            print("error:", e)
        else:
            print("no error for", url)
        finally:
            print("done with", url, asyncio.get_running_loop().time())

asyncio.run(main())

import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    try:
        for fut in asyncio.as_completed([job(1), job(2), job(10)], timeout=5):
            print("got", await fut)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())

asyncio.run(main())

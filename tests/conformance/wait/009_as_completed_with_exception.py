import asyncio

async def job(d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(f"job {d} failed")
    return d

async def main():
    for fut in asyncio.as_completed([job(2), job(1, fail=True), job(3)]):
        try:
            print("result", await fut)
        except RuntimeError as e:
            print("error", e)

asyncio.run(main())

import asyncio

async def child():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("child cancelled because the body failed")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(1)
            raise KeyError("from body")
    except* KeyError as eg:
        print("caught", eg.exceptions[0].args)

asyncio.run(main())

import asyncio

async def worker():
    try:
        await asyncio.sleep(2)
    except Exception:
        print("Exception does not catch CancelledError")
    except BaseException as e:
        print("BaseException caught", type(e).__name__)
        raise

async def main():
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(t.cancelled())

asyncio.run(main())

import asyncio

async def slow():
    try:
        for i in range(10):
            print(f"working {i}")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancelled: cleaning up")
        raise

async def main():
    task = asyncio.create_task(slow())
    await asyncio.sleep(2.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task was cancelled")
    print("cancelled()", task.cancelled())

asyncio.run(main())

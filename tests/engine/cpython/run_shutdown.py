# task_test.cpp: asyncio.run cancels what is left and uses up task names.
import asyncio

async def forever():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("forever cancelled at shutdown")
        raise

async def gatherer():
    try:
        await asyncio.gather(child("g1"), child("g2"))
    except asyncio.CancelledError:
        print("gatherer cancelled")
        raise

async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled with its gather")
        raise

async def main():
    asyncio.create_task(forever())
    g = asyncio.create_task(gatherer())
    await asyncio.sleep(1)
    g.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main ends")

asyncio.run(main())

async def after():
    print("next task is", asyncio.current_task().get_name())

asyncio.run(after())

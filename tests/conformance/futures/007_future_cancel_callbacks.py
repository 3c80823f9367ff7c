import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("cancelled?", f.cancelled()))
    print(fut.cancel(), fut.cancel())
    await asyncio.sleep(0)
    try:
        await fut
    except asyncio.CancelledError:
        print("awaiting a cancelled future raises")

asyncio.run(main())

import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    fut.add_done_callback(lambda f: print("called soon, not now:", f.result()))
    print("after add_done_callback")
    await asyncio.sleep(0)
    print("after one iteration")

asyncio.run(main())

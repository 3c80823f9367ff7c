# Interleaving of tasks, futures, sleep(0) and done callbacks.
import asyncio

async def child(name, fut):
    print(name, "start")
    await asyncio.sleep(0)
    print(name, "after yield")
    r = await fut
    print(name, "got", r)
    return name

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    a = asyncio.create_task(child("a", fut))
    b = asyncio.create_task(child("b", fut))
    fut.add_done_callback(lambda f: print("callback sees", f.result()))
    print("main yields")
    await asyncio.sleep(0)
    print("main sets result")
    fut.set_result(42)
    print("main awaits a")
    r = await a
    print("main got", r, "b done:", b.done())
    await b
    print("b done:", b.done())

asyncio.run(main())

import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(fut.result())
    c = asyncio.get_running_loop().create_future()
    c.cancel()
    try:
        c.result()
    except asyncio.CancelledError:
        print("result() of cancelled future raises CancelledError")

asyncio.run(main())

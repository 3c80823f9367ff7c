import asyncio
import time

# async prefix, function must run asynchronically
async def fun1(x: int):
    print(f"Function 1: result {x**2}, wait ...")

    # await (like hey you can execute another function, I'll sleep 3 seconds)
    # asynchronical sleep (coroutine) which doesnt' block intrpereter
    await asyncio.sleep(3)

    print("Function 1: finished")


async def fun2(x: float):
    print(f"Function 2: result {x**.05}, wait ...")

    await asyncio.sleep(3)

    print("Function 2: finished")


async def main():
    fun1_corutine_task_wrapper = asyncio.create_task(
        fun1(4)
    )  # schedule execution of coroutine task (fun1)

    fun2_corutine_task_wrapper = asyncio.create_task(fun2(4))

    await fun1_corutine_task_wrapper  # switching point #1 to the task wrapper
    await fun2_corutine_task_wrapper  # switching point #2 to the task wrapper


print(time.strftime("%X"))

# Execute main coroutine, need to pass an async function with await to Task's!
asyncio.run(main())

print(time.strftime("%X"))

# Seed 003 with time.sleep: the loop is blocked, total 5 s.
import asyncio
import time

async def custom_sleep():
    print('SLEEP', time.monotonic())
    time.sleep(1)

async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print('Task {}: Compute factorial({})'.format(name, i))
        await custom_sleep()
        f *= i
    print('Task {}: factorial({}) is {}'.format(name, number, f))

loop = asyncio.new_event_loop()
tasks = [loop.create_task(factorial("A", 3)), loop.create_task(factorial("B", 4))]
loop.run_until_complete(asyncio.wait(tasks))
print("Total time:", loop.time())

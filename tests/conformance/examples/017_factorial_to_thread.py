# oracle: realtime (worker threads: tests/oracle/realtime.py)
import asyncio
import time

def blocking_factorial(number):
    # the seeds' blocking code, unchanged: it now runs on a worker thread
    f = 1
    for i in range(2, number+1):
        time.sleep(1)
        f *= i
    return f

async def factorial(name, number):
    print('Task {}: factorial({}) goes to a worker thread'.format(name, number))
    f = await asyncio.to_thread(blocking_factorial, number)
    print('Task {}: factorial({}) is {}'.format(name, number, f))

async def main():
    start = time.time()
    await asyncio.gather(factorial("A", 3), factorial("B", 4))
    print("Total time: {:.0f} s".format(time.time() - start))

asyncio.run(main())

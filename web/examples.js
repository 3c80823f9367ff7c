// The page's examples: every runnable example of the seed tutorials, then one
// example per asyncio behaviour. `about` is the one sentence shown beside it;
// each was checked against CPython's virtual-clock oracle (tests/oracle/vclock.py)
// to say what its output really shows.

export const examples = [
  {
    id: 'hello-gather',
    title: 'Hello 1 / Hello 2 (gather)',
    group: 'From the tutorials',
    about: 'Both coroutines sleep 1 s at the same time, so both lines appear together after 1 s, not 2 s.',
    code: `import asyncio
import time

def write(msg):
    print(msg, flush=True)

async def say1():
    await asyncio.sleep(1)
    write("Hello 1!")

async def say2():
    await asyncio.sleep(1)
    write("Hello 2!")

write("start")
loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.gather(
    say1(),
    say2()
))
write("exit")

loop.close()
`,
  },
  {
    id: 'coroutine-sleep',
    title: 'A coroutine that sleeps',
    group: 'From the tutorials',
    about: 'await asyncio.sleep(3) suspends main for 3 s: the second line is stamped 3.000.',
    code: `import asyncio

async def main():
    print("Indian")
    await asyncio.sleep(3)
    print("Pythonista")

asyncio.run(main())
`,
  },
  {
    id: 'gather-three',
    title: 'gather(coro1(), coro2(), coro3())',
    group: 'From the tutorials',
    about: 'gather runs the three coroutines concurrently: the whole run takes 3 s (the longest), not 1 + 2 + 3 = 6 s.',
    code: `import asyncio

async def coro1():
    await asyncio.sleep(1)
    print("coro1 done")

async def coro2():
    await asyncio.sleep(2)
    print("coro2 done")

async def coro3():
    await asyncio.sleep(3)
    print("coro3 done")

async def main():
    await asyncio.gather(
        coro1(),
        coro2(),
        coro3()
    )

asyncio.run(main())
`,
  },
  {
    id: 'sync-functions',
    title: 'Synchronous fun1 / fun2',
    group: 'From the tutorials',
    about: 'Plain functions with time.sleep(3) run one after the other: the clock goes from 00:00:00 to 00:00:06.',
    code: `import time

def fun1(x:int):
    print(f"Function 1 result {x**2}, wait ...")
    time.sleep(3)
    print("Function 1 finished")

def fun2(x:float):
    print(f"Function 2 result {x**.05}, wait ...")
    time.sleep(3)
    print("Function 2 finished")

def main():
    fun1(4)
    fun2(4)

print(time.strftime("%X"))
main()
print(time.strftime("%X"))
`,
  },
  {
    id: 'async-functions',
    title: 'Asynchronous fun1 / fun2 (create_task)',
    group: 'From the tutorials',
    about: 'As tasks, fun1 and fun2 sleep at the same time: the clock goes from 00:00:00 to 00:00:03 instead of 00:00:06.',
    code: `import asyncio
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
`,
  },
  {
    id: 'factorial-blocking',
    title: 'Factorial with blocking time.sleep',
    group: 'From the tutorials',
    about: 'time.sleep blocks the whole loop, so task B cannot start until A is done: 5 s in total.',
    code: `import asyncio
import time
from datetime import datetime

async def custom_sleep():
    print('SLEEP', datetime.now())
    time.sleep(1)

async def factorial(name, number):
    f = 1
    for i in range(2, number+1):
        print('Task {}: Compute factorial({})'.format(name,
i))
        await custom_sleep()
        f *= i
    print('Task {}: factorial({}) is {}\\n'.format(name,
number, f))

start = time.time()
loop = asyncio.get_event_loop()

tasks = [
    asyncio.ensure_future(factorial("A", 3)),
    asyncio.ensure_future(factorial("B", 4)),
]

loop.run_until_complete(asyncio.wait(tasks))
loop.close()

end = time.time()
print("Total time: {}".format(end - start))
`,
  },
  {
    id: 'factorial-async',
    title: 'Factorial with asyncio.sleep',
    group: 'From the tutorials',
    about: 'With await asyncio.sleep the tasks take turns while they wait: 3 s in total instead of 5 s.',
    code: `import asyncio
import time
from datetime import datetime

async def custom_sleep():
    print('SLEEP {}\\n'.format(datetime.now()))
    await asyncio.sleep(1)

async def factorial(name, number):
    f = 1
    for i in range(2, number+1):
        print('Task {}: Compute factorial({})'.format(name,
i))
        await custom_sleep()
        f *= i
    print('Task {}: factorial({}) is {}\\n'.format(name,
number, f))

start = time.time()
loop = asyncio.get_event_loop()

tasks = [
    asyncio.ensure_future(factorial("A", 3)),
    asyncio.ensure_future(factorial("B", 4)),
]
loop.run_until_complete(asyncio.wait(tasks))
loop.close()

end = time.time()
print("Total time: {}".format(end - start))
`,
  },
  {
    id: 'await-vs-task',
    title: 'Plain await vs create_task',
    group: 'asyncio behaviours',
    about: 'Awaiting coroutines one by one takes 1 + 2 = 3 s; wrapping them in tasks first lets them overlap: 2 s.',
    code: `import asyncio
import time

async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")

async def main():
    start = time.monotonic()
    await job("a", 1)          # runs to the end before b starts
    await job("b", 2)
    print(f"plain await: {time.monotonic() - start:.0f} s")

    start = time.monotonic()
    ta = asyncio.create_task(job("c", 1))   # both start now
    tb = asyncio.create_task(job("d", 2))
    await ta
    await tb
    print(f"create_task: {time.monotonic() - start:.0f} s")

asyncio.run(main())
`,
  },
  {
    id: 'gather-order',
    title: 'gather keeps argument order',
    group: 'asyncio behaviours',
    about: 'The jobs finish fastest first, but gather returns their results in the order they were passed.',
    code: `import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished after {delay} s")
    return name.upper()

async def main():
    results = await asyncio.gather(
        fetch("slow", 3),
        fetch("fast", 1),
        fetch("medium", 2),
    )
    print("results:", results)

asyncio.run(main())
`,
  },
  {
    id: 'sleep-zero',
    title: 'sleep(0) lets others run',
    group: 'asyncio behaviours',
    about: 'await asyncio.sleep(0) yields to the loop without waiting, so two busy tasks interleave line by line at t = 0.',
    code: `import asyncio

async def worker(name):
    for i in range(3):
        print(f"{name} step {i}")
        await asyncio.sleep(0)   # give the other task a turn

async def main():
    await asyncio.gather(worker("A"), worker("B"))

asyncio.run(main())
`,
  },
  {
    id: 'blocking-ticker',
    title: 'A blocking call stalls everyone',
    group: 'asyncio behaviours',
    about: 'The ticker should print every 0.5 s, but time.sleep(2) in another task freezes the loop and the ticks stop for 2 s.',
    code: `import asyncio
import time

async def ticker():
    for i in range(6):
        print(f"tick {i} at {time.monotonic():.1f}")
        await asyncio.sleep(0.5)

async def blocker():
    await asyncio.sleep(1)
    print("blocking for 2 s with time.sleep")
    time.sleep(2)            # nothing else can run now
    print("done blocking")

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
`,
  },
  {
    id: 'cancel',
    title: 'Cancelling a task',
    group: 'asyncio behaviours',
    about: 'cancel() raises CancelledError inside the task at its await, so its cleanup runs at 2.5 s and the awaiter sees the cancellation.',
    code: `import asyncio

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
`,
  },
  {
    id: 'wait-for',
    title: 'wait_for with a timeout',
    group: 'asyncio behaviours',
    about: 'A 0.5 s job finishes within its 1 s timeout; a 5 s job is cancelled after 1 s (at t = 1.5) and wait_for raises TimeoutError.',
    code: `import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return f"finished after {delay} s"

async def main():
    print(await asyncio.wait_for(job(0.5), timeout=1))
    try:
        await asyncio.wait_for(job(5), timeout=1)
    except asyncio.TimeoutError:
        print("gave up after 1 s")

asyncio.run(main())
`,
  },
  {
    id: 'semaphore',
    title: 'Semaphore limits concurrency',
    group: 'asyncio behaviours',
    about: 'Six downloads share a Semaphore(2): only two run at a time, so they finish in pairs at 1, 2 and 3 s.',
    code: `import asyncio

async def download(sem, n):
    async with sem:
        print(f"start {n}")
        await asyncio.sleep(1)
        print(f"end {n}")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, n) for n in range(6)))

asyncio.run(main())
`,
  },
  {
    id: 'queue',
    title: 'Queue: producer and consumers',
    group: 'asyncio behaviours',
    about: 'A producer puts five items into a Queue; two consumers take them as they come and queue.join() waits until all are processed.',
    code: `import asyncio

async def producer(queue):
    for i in range(5):
        await asyncio.sleep(0.5)
        await queue.put(i)
        print(f"put {i}")

async def consumer(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(1)
        print(f"{name} processed {item}")
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(n, queue)) for n in ("c1", "c2")]
    await producer(queue)
    await queue.join()
    for c in consumers:
        c.cancel()
    print("all items processed")

asyncio.run(main())
`,
  },
  {
    id: 'taskgroup',
    title: 'TaskGroup: one failure cancels the rest',
    group: 'asyncio behaviours',
    about: 'When one task in a TaskGroup raises, the group cancels its siblings and raises an ExceptionGroup holding the error.',
    code: `import asyncio

async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(f"{name} done")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 1))
            tg.create_task(job("b", 2, fail=True))
            tg.create_task(job("c", 3))
    except ExceptionGroup as eg:
        print("caught:", eg.exceptions)

asyncio.run(main())
`,
  },
  {
    id: 'event',
    title: 'Event: wake every waiter',
    group: 'asyncio behaviours',
    about: 'Three tasks wait on one Event; set() at 2 s wakes all of them at once.',
    code: `import asyncio

async def waiter(name, event):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} woke up")

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("a", "b", "c")]
    await asyncio.sleep(2)
    print("setting the event")
    event.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
`,
  },
  {
    id: 'lock',
    title: 'Lock: one at a time',
    group: 'asyncio behaviours',
    about: 'Without the lock the read-sleep-write updates would overwrite each other; with it the counter ends at 3 after 3 s.',
    code: `import asyncio

counter = 0

async def increment(lock, name):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(1)     # another task would read the old value here
        counter = value + 1
        print(f"{name} set counter to {counter}")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock, n) for n in ("a", "b", "c")))
    print("final", counter)

asyncio.run(main())
`,
  },
  {
    id: 'as-completed',
    title: 'as_completed: first finished, first seen',
    group: 'asyncio behaviours',
    about: 'as_completed yields results in the order they finish (1 s, 2 s, 3 s), not the order the jobs were started.',
    code: `import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ({delay} s)"

async def main():
    jobs = [job("slow", 3), job("fast", 1), job("medium", 2)]
    for next_done in asyncio.as_completed(jobs):
        print("got", await next_done)

asyncio.run(main())
`,
  },
  {
    id: 'timeout-block',
    title: 'asyncio.timeout (3.11)',
    group: 'asyncio behaviours',
    about: 'async with asyncio.timeout(1.5) cancels whatever is awaited inside it at 1.5 s and turns that into TimeoutError.',
    code: `import asyncio

async def main():
    try:
        async with asyncio.timeout(1.5):
            for i in range(5):
                await asyncio.sleep(1)
                print(f"step {i}")
    except TimeoutError:
        print("timed out")

asyncio.run(main())
`,
  },
  {
    id: 'return-exceptions',
    title: 'gather(return_exceptions=True)',
    group: 'asyncio behaviours',
    about: 'With return_exceptions=True a failing job does not abort gather: its exception comes back in the results list.',
    code: `import asyncio

async def job(n):
    await asyncio.sleep(n)
    if n == 2:
        raise RuntimeError("job 2 broke")
    return n * 10

async def main():
    results = await asyncio.gather(job(1), job(2), job(3), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)

asyncio.run(main())
`,
  },
  {
    id: 'many-tasks',
    title: 'A thousand tasks',
    group: 'asyncio behaviours',
    about: 'A thousand tasks that each sleep a random time all finish within 5 s, because waiting costs nothing.',
    code: `import asyncio
import random

random.seed(1)

async def worker(n):
    await asyncio.sleep(random.uniform(0, 5))
    return n

async def main():
    tasks = [asyncio.create_task(worker(n)) for n in range(1000)]
    done = await asyncio.gather(*tasks)
    print(f"{len(done)} tasks finished")

asyncio.run(main())
`,
  },
];

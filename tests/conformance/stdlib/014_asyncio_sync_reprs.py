# Reprs of asyncio's locks and queues as CPython 3.11 prints them (the
# address cut out: it differs from run to run).
import asyncio


def shown(obj):
    text = repr(obj)
    if " at 0x" in text:
        start = text.index(" at 0x")
        end = text.index(" ", start + 4) if " " in text[start + 4:] else text.index(">", start)
        text = text[:start] + text[end:]
    return text


async def main():
    lock = asyncio.Lock()
    print(shown(lock))
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(shown(lock))
    lock.release()
    await waiter
    lock.release()
    print(shown(lock))

    event = asyncio.Event()
    waiting = [asyncio.create_task(event.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    print(shown(event))
    event.set()
    print(shown(event))
    await asyncio.gather(*waiting)

    sem = asyncio.Semaphore(1)
    bounded = asyncio.BoundedSemaphore(3)
    print(shown(sem), shown(bounded))
    async with sem:
        blocked = asyncio.create_task(sem.acquire())
        await asyncio.sleep(0)
        print(shown(sem))
    await blocked
    sem.release()
    print(shown(sem))

    cond = asyncio.Condition()
    print(shown(cond))
    async with cond:
        print(shown(cond))

    queue = asyncio.Queue(2)
    print(shown(queue), str(queue))
    getter = asyncio.create_task(queue.get())
    await asyncio.sleep(0)
    print(shown(queue))
    await queue.put("a")
    await getter
    await queue.put(("b", 1))
    await queue.put("c")
    putter = asyncio.create_task(queue.put("d"))
    await asyncio.sleep(0)
    print(shown(queue))
    print(str(queue))
    queue.get_nowait()
    queue.task_done()
    await putter
    print(str(queue))
    lifo = asyncio.LifoQueue()
    prio = asyncio.PriorityQueue()
    for n in (3, 1, 2):
        lifo.put_nowait(n)
        prio.put_nowait(n)
    print(str(lifo), str(prio))

    barrier = asyncio.Barrier(3)
    print(shown(barrier))
    parties = [asyncio.create_task(barrier.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    print(shown(barrier))
    await barrier.wait()
    print(shown(barrier))
    await asyncio.gather(*parties)
    print(shown(barrier))
    await barrier.abort()
    print(shown(barrier))


asyncio.run(main())

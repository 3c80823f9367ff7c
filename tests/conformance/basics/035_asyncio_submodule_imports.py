import asyncio
import asyncio.tasks
from asyncio import queues
from asyncio.exceptions import CancelledError, InvalidStateError, TimeoutError
from asyncio.locks import Event, Lock
from asyncio.tasks import gather, create_task
from asyncio.futures import Future
from asyncio.taskgroups import TaskGroup
from asyncio.timeouts import timeout


async def work(n):
    await asyncio.sleep(n)
    return n


async def main():
    print(CancelledError, InvalidStateError, TimeoutError is asyncio.TimeoutError)
    print(queues.Queue is asyncio.Queue, Event is asyncio.Event, Lock, Future)
    print(asyncio.tasks.sleep is asyncio.sleep, gather is asyncio.gather)
    async with TaskGroup() as tg:
        tg.create_task(work(1))
    t = create_task(work(2))
    try:
        async with timeout(1):
            await t
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time(), t.cancelled())


asyncio.run(main())

# Real-time reference (tests/oracle/realtime.py): a thread feeds an asyncio.Queue
# through loop.call_soon_threadsafe, as tutorials bridge threads to coroutines.
import asyncio, threading, time
def producer(loop, q):
    for i in range(3):
        time.sleep(0.2)
        loop.call_soon_threadsafe(q.put_nowait, i)
    loop.call_soon_threadsafe(q.put_nowait, None)
async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    threading.Thread(target=producer, args=(loop, q)).start()
    while True:
        item = await q.get()
        if item is None:
            break
        print("got", item, round(loop.time(), 1))
asyncio.run(main())

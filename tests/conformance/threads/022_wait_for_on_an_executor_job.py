# Real-time reference (tests/oracle/realtime.py): wait_for gives up on an executor
# job, which runs on; asyncio.run() waits for the default executor's threads.
import asyncio, time
def slow(n):
    time.sleep(n)
    print("slow", n, "finished anyway")
    return n
async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(loop.run_in_executor(None, slow, 0.5), timeout=0.2)
    except asyncio.TimeoutError:
        print("timed out", round(loop.time(), 1))
    print("main ends", round(loop.time(), 1))
asyncio.run(main())
print("after run", round(time.monotonic(), 1))

# Real-time reference (tests/oracle/realtime.py): concurrent.futures'
# as_completed and wait, with no loop running and inside one.
import asyncio
import concurrent.futures
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED


def job(n):
    time.sleep(n / 10)
    if n == 4:
        raise ValueError("no 4")
    return n


def stamp():
    return int(time.monotonic() * 10 + 0.25) / 10


with ThreadPoolExecutor(max_workers=3) as ex:
    futs = {ex.submit(job, n): n for n in (5, 2, 4)}
    for f in as_completed(futs):
        n = futs[f]
        if f.exception() is not None:
            print("job", n, "raised", repr(f.exception()), stamp())
        else:
            print("job", n, "->", f.result(), stamp())
    fs = [ex.submit(job, n) for n in (3, 1, 6)]
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], len(not_done), stamp())
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print("all completed:", sorted(f.result() for f in done), len(not_done), stamp())
    done, not_done = wait([ex.submit(job, 9)], timeout=0.3)
    print("timeout:", len(done), len(not_done), stamp())
print("pool closed", stamp())


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as ex:
        fs = [ex.submit(job, n) for n in (3, 1)]
        for f in concurrent.futures.as_completed(fs):
            print("in loop:", f.result(), round(loop.time() - start, 1))
        r = wait([ex.submit(job, 2)], return_when=concurrent.futures.FIRST_COMPLETED)
        print("in loop wait:", len(r.done), round(loop.time() - start, 1))


start = time.monotonic()
asyncio.run(main())

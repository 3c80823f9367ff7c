# Real-time reference (tests/oracle/realtime.py): Executor.map's results
# in input order, an exception from map, shutdown(cancel_futures=True), and
# submit after shutdown.
import time
from concurrent.futures import ThreadPoolExecutor


def stamp():
    return round(time.monotonic(), 1)


def job(n):
    time.sleep(n / 10)
    if n == 0:
        raise ZeroDivisionError("n is 0")
    return 10 // n


ex = ThreadPoolExecutor(max_workers=2)
for r in ex.map(job, [4, 1, 2]):
    print("map gives", r, stamp())
try:
    list(ex.map(job, [2, 0, 1]))
except ZeroDivisionError as e:
    print("map raised", e, stamp())
futs = [ex.submit(job, n) for n in (3, 3, 5, 5)]
time.sleep(0.1)  # the two workers have taken a job each
ex.shutdown(wait=True, cancel_futures=True)
print([f.cancelled() for f in futs], [f.result() for f in futs[:2]], stamp())
try:
    ex.submit(job, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

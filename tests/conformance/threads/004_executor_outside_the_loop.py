# Real-time reference (tests/oracle/realtime.py).
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(n)
    print(f"{n} done on {threading.current_thread().name}")
    return n * 2


with ThreadPoolExecutor() as pool:
    print(list(pool.map(job, [0.3, 0.1, 0.2])))
    f = pool.submit(job, 0.4)
    print(f.result())

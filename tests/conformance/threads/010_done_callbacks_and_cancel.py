# Real-time reference (tests/oracle/realtime.py): Future.add_done_callback
# (run by the thread that completes the future) and cancel() of a queued job.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, CancelledError


def job(n):
    time.sleep(n / 10)
    return n * 10


def report(f):
    print("callback on", threading.current_thread().name, f.result() if not f.cancelled() else "cancelled")


with ThreadPoolExecutor(max_workers=1, thread_name_prefix="one") as ex:
    a = ex.submit(job, 3)
    b = ex.submit(job, 2)
    c = ex.submit(job, 1)
    a.add_done_callback(report)
    b.add_done_callback(report)
    print("running:", a.running(), "cancel a:", a.cancel(), "cancel b:", b.cancel())
    print("b cancelled:", b.cancelled(), b.done())
    try:
        b.result()
    except CancelledError:
        print("b.result() raised CancelledError")
    print("c:", c.result(), "a:", a.result())
    a.add_done_callback(report)
print("end")
print(type(a), type(ex))

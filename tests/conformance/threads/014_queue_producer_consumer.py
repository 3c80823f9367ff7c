# Real-time reference (tests/oracle/realtime.py): queue.Queue between a
# producer and two consumers: put/get/task_done/join, and a bounded queue.
import queue
import threading
import time

q = queue.Queue()


def producer():
    for i in range(4):
        time.sleep(0.2)
        q.put(i)
        print("put", i, round(time.monotonic(), 1))


def consumer(name, work):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        time.sleep(work)
        print(name, "did", item, round(time.monotonic(), 1))
        q.task_done()


cs = [threading.Thread(target=consumer, args=("c1", 0.3)), threading.Thread(target=consumer, args=("c2", 0.6))]
for c in cs:
    c.start()
p = threading.Thread(target=producer)
p.start()
p.join()
q.join()
print("all done", q.qsize(), q.empty(), round(time.monotonic(), 1))
q.put(None)
q.put(None)
for c in cs:
    c.join()

small = queue.Queue(maxsize=1)
small.put("a")
try:
    small.put_nowait("b")
except queue.Full:
    print("Full")
try:
    small.put("b", timeout=0.2)
except queue.Full:
    print("Full after", round(time.monotonic(), 1))
print(small.get(), small.full())
try:
    small.get(timeout=0.1)
except queue.Empty:
    print("Empty after", round(time.monotonic(), 1))

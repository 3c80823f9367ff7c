# Real-time reference (tests/oracle/realtime.py): a Thread subclass with
# run(), a Condition with wait_for/notify_all, a Semaphore limiting
# concurrency, LifoQueue and PriorityQueue order.
import queue
import threading
import time


def stamp():
    return round(time.monotonic(), 1)


class Counter(threading.Thread):
    def __init__(self, n, delay):
        super().__init__(name=f"counter-{n}")
        self.n = n
        self.delay = delay
        self.result = None

    def run(self):
        time.sleep(self.delay)
        self.result = self.n * 2
        print(self.name, "ran", stamp())


cs = [Counter(1, 0.2), Counter(2, 0.1)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print("results", [c.result for c in cs], stamp())

cond = threading.Condition()
items = []


def consumer(name):
    with cond:
        cond.wait_for(lambda: len(items) >= 2)
        print(name, "sees", items, stamp())


def producer():
    for i in range(2):
        time.sleep(0.2)
        with cond:
            items.append(i)
            cond.notify_all()


ts = [threading.Thread(target=consumer, args=("c",)), threading.Thread(target=producer)]
for t in ts:
    t.start()
for t in ts:
    t.join()

sem = threading.Semaphore(2)
active = []


def limited(n):
    with sem:
        active.append(n)
        print("in", n, "with", len(active), "inside", stamp())
        time.sleep(0.3)
        active.remove(n)
        print("out", n, stamp())


ts = [threading.Thread(target=limited, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
    time.sleep(0.1)
for t in ts:
    t.join()
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in (3, 1, 2):
    lq.put(x)
    pq.put((x, f"job{x}"))
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])

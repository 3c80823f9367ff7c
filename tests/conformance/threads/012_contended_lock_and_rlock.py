# Real-time reference (tests/oracle/realtime.py): a Lock held across a
# sleep makes the other threads wait their turn; an RLock is re-entered by
# its owner; acquire(timeout=) gives up.
import threading
import time

lock = threading.Lock()
rlock = threading.RLock()
log = []


def holder(name, hold):
    with lock:
        print(name, "has the lock", round(time.monotonic(), 1))
        time.sleep(hold)
        print(name, "lets go", round(time.monotonic(), 1))  # still holding it: no race with the next


def impatient():
    time.sleep(0.1)
    got = lock.acquire(timeout=0.2)
    print("impatient got it:", got, round(time.monotonic(), 1))


def nested(depth):
    with rlock:
        if depth:
            nested(depth - 1)
        else:
            print("nested depth reached on", threading.current_thread().name)
            time.sleep(0.2)


ts = [threading.Thread(target=holder, args=("A", 0.4)), threading.Thread(target=impatient),
      threading.Thread(target=holder, args=("B", 0.3))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("locked after all:", lock.locked())

ts = [threading.Thread(target=nested, args=(3,), name=f"n{i}") for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("end", round(time.monotonic(), 1))
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# Real-time reference (tests/oracle/realtime.py): threading.Event between
# threads, with and without a timeout.
import threading
import time

ready = threading.Event()
go = threading.Event()


def waiter(name, timeout):
    print(name, "waits")
    ok = go.wait(timeout)
    print(name, "woke:", ok, round(time.monotonic(), 1))


def starter():
    time.sleep(0.3)
    ready.set()
    time.sleep(0.4)
    print("starter sets go")
    go.set()


threads = [threading.Thread(target=waiter, args=("patient", None)),
           threading.Thread(target=waiter, args=("hasty", 0.2)),
           threading.Thread(target=starter)]
for t in threads:
    t.start()
print("ready?", ready.is_set())
print("ready.wait:", ready.wait(), round(time.monotonic(), 1))
for t in threads:
    t.join()
print("go is set:", go.is_set())
go.clear()
print("after clear:", go.is_set(), go.wait(0.1), round(time.monotonic(), 1))

# Real-time reference (tests/oracle/realtime.py).
import threading
import time

lock = threading.Lock()
total = 0


def worker(n):
    global total
    time.sleep(n / 10)
    with lock:
        total += n
        print(threading.current_thread().name, "added", n)


threads = [threading.Thread(target=worker, args=(n,)) for n in (3, 1, 2)]
threads.append(threading.Thread(target=worker, args=(5,), name="last"))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total", total, threading.current_thread().name)

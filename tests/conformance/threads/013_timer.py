# Real-time reference (tests/oracle/realtime.py): threading.Timer runs its
# function after the interval unless cancelled first.
import threading
import time


def ring(what):
    print("ring", what, round(time.monotonic(), 1), threading.current_thread().name)


t1 = threading.Timer(0.5, ring, args=("first",))
t2 = threading.Timer(0.3, ring, kwargs={"what": "second"})
t3 = threading.Timer(0.4, ring, args=("never",))
t1.start()
t2.start()
t3.start()
time.sleep(0.2)
t3.cancel()
print("cancelled t3", round(time.monotonic(), 1))
t1.join()
t2.join()
t3.join()
print("alive:", t1.is_alive(), t3.is_alive(), round(time.monotonic(), 1))

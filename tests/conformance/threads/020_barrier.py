# Real-time reference (tests/oracle/realtime.py): threading.Barrier lets
# threads that arrive at different times leave together; the action runs
# once; a barrier whose wait times out is broken.
import threading
import time


def stamp():
    return round(time.monotonic(), 1)


barrier = threading.Barrier(3, action=lambda: print("all three arrived", stamp()))
indexes = []


def runner(delay):
    time.sleep(delay)
    indexes.append(barrier.wait())


ts = [threading.Thread(target=runner, args=(d,)) for d in (0.3, 0.1, 0.2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("left together", sorted(indexes), barrier.n_waiting, barrier.parties, stamp())

lonely = threading.Barrier(2, timeout=0.2)


def alone():
    try:
        lonely.wait()
    except threading.BrokenBarrierError:
        print("broken after", stamp())


t = threading.Thread(target=alone)
t.start()
t.join()
print("broken:", lonely.broken)

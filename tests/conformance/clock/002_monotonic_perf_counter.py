import time
a = time.monotonic()
b = time.perf_counter()
time.sleep(1.5)
print(a, b, time.monotonic(), time.perf_counter())
print(time.monotonic() - a)

import time
start = time.perf_counter()
time.sleep(0.25)
time.sleep(0.5)
elapsed = time.perf_counter() - start
print(elapsed)
print(f"took {elapsed:.2f}s", round(elapsed, 1))
t0 = time.time()
time.sleep(0.1)
print(time.time() - t0)

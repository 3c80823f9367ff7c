import time
print("working", end="")
time.sleep(1)
print("...", end="")
raise ValueError("stopped mid-line")

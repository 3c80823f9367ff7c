import time
print("step 1")
time.sleep(2.5)
print("step 2")
items = []
items.pop()

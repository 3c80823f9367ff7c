import time
print(time.time())
print(time.strftime("%X"), time.strftime("%Y-%m-%d %H:%M:%S"))
time.sleep(1861.5)
print(time.time(), time.strftime("%X"), time.strftime("%H:%M"))
print(time.strftime("%a %b %d %Y"))

from datetime import datetime
import time

print(datetime.now())
time.sleep(1.25)
now = datetime.now()
print(now)
print(repr(now))
print(now.year, now.month, now.day, now.hour, now.minute, now.second, now.microsecond)
print(now.strftime("%H:%M:%S.%f"), now.isoformat())
print(f"{now:%Y/%m/%d}")

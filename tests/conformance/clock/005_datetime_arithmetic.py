from datetime import datetime, timedelta
import time

start = datetime.now()
time.sleep(90.5)
elapsed = datetime.now() - start
print(elapsed, elapsed.total_seconds(), type(elapsed).__name__)
print(start + timedelta(days=1, hours=2))
print(datetime(2024, 2, 29, 12, 30) - datetime(2024, 1, 1))
print(datetime.now() > start, datetime.now().date())

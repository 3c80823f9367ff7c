# Equal datetimes and timedeltas compare equal and hash alike: they work as
# dict keys and set members (a module type's __eq__/__hash__).
from datetime import datetime, timedelta

start = datetime(2000, 1, 1, 9, 30)
same = datetime(2000, 1, 1, 9, 30)
print(start == same, start != same, len({start, same}))
slots = {start: "standup", start + timedelta(hours=1): "review"}
print(slots[same], slots[datetime(2000, 1, 1, 10, 30)])
print({timedelta(days=1): "daily"}[timedelta(hours=24)], timedelta(minutes=90) in {timedelta(seconds=5400)})

# From the Python 3.11 documentation, howto/enum.rst lines 114-162 + 167-176 (doctest, with a driver); see README.md.
from enum import Flag
class Weekday(Flag):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 4
    THURSDAY = 8
    FRIDAY = 16
    SATURDAY = 32
    SUNDAY = 64

first_week_day = Weekday.MONDAY
print(repr(first_week_day))  # corpus: echo

weekend = Weekday.SATURDAY | Weekday.SUNDAY
print(repr(weekend))  # corpus: echo

for day in weekend:
    print(day)

chores_for_ethan = {
    'feed the cat': Weekday.MONDAY | Weekday.WEDNESDAY | Weekday.FRIDAY,
    'do the dishes': Weekday.TUESDAY | Weekday.THURSDAY,
    'answer SO questions': Weekday.SATURDAY,
    }

def show_chores(chores, day):
    for chore, days in chores.items():
        if day in days:
            print(chore)
show_chores(chores_for_ethan, Weekday.SATURDAY)

from enum import auto
class Weekday(Flag):
    MONDAY = auto()
    TUESDAY = auto()
    WEDNESDAY = auto()
    THURSDAY = auto()
    FRIDAY = auto()
    SATURDAY = auto()
    SUNDAY = auto()
    WEEKEND = SATURDAY | SUNDAY

print(repr(Weekday.WEEKEND), repr(Weekday.FRIDAY))  # corpus: driver
print([day.name for day in Weekday.WEEKEND])  # corpus: driver

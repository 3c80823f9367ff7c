# From the Python 3.11 documentation, howto/enum.rst lines 16-72 (doctest); see README.md.
from enum import Enum
class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7

from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(repr(Weekday(3)))  # corpus: echo

print(Weekday.THURSDAY)

print(type(Weekday.MONDAY))  # corpus: echo
print(isinstance(Weekday.FRIDAY, Weekday))  # corpus: echo

print(Weekday.TUESDAY.name)

print(Weekday.WEDNESDAY.value)  # corpus: echo

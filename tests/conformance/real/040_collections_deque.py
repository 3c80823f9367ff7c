# From the Python 3.11 documentation, library/collections.rst lines 597-638 (doctest); see README.md.
from collections import deque
d = deque('ghi')                 # make a new deque with three items
for elem in d:                   # iterate over the deque's elements
    print(elem.upper())

d.append('j')                    # add a new entry to the right side
d.appendleft('f')                # add a new entry to the left side
print(d)                         # corpus: echo
print(repr(d.pop()))             # corpus: echo
print(repr(d.popleft()))         # corpus: echo
print(list(d))                   # corpus: echo
print(repr(d[0]))                # corpus: echo
print(repr(d[-1]))               # corpus: echo

print(list(reversed(d)))         # corpus: echo
print('h' in d)                  # corpus: echo
d.extend('jkl')                  # add multiple elements at once
print(d)                         # corpus: echo
d.rotate(1)                      # right rotation
print(d)                         # corpus: echo
d.rotate(-1)                     # left rotation
print(d)                         # corpus: echo

print(deque(reversed(d)))        # corpus: echo
d.clear()                        # empty the deque
d.pop()                          # cannot pop from an empty deque

# From the Python 3.11 documentation, library/collections.rst lines 665-703 (with a driver); see README.md.
import itertools  # corpus: added import
from collections import deque  # corpus: added import

def moving_average(iterable, n=3):
    # moving_average([40, 30, 50, 46, 39, 44]) --> 40.0 42.0 45.0 43.0
    # https://en.wikipedia.org/wiki/Moving_average
    it = iter(iterable)
    d = deque(itertools.islice(it, n-1))
    d.appendleft(0)
    s = sum(d)
    for elem in it:
        s += elem - d.popleft()
        d.append(elem)
        yield s / n

def roundrobin(*iterables):
    "roundrobin('ABC', 'D', 'EF') --> A D E B F C"
    iterators = deque(map(iter, iterables))
    while iterators:
        try:
            while True:
                yield next(iterators[0])
                iterators.rotate(-1)
        except StopIteration:
            # Remove an exhausted iterator.
            iterators.popleft()

def delete_nth(d, n):
    d.rotate(-n)
    d.popleft()
    d.rotate(n)

print(list(moving_average([40, 30, 50, 46, 39, 44])))  # corpus: driver
print(list(roundrobin('ABC', 'D', 'EF')))  # corpus: driver
d = deque('abcdef')  # corpus: driver
delete_nth(d, 2)  # corpus: driver
print(d)  # corpus: driver

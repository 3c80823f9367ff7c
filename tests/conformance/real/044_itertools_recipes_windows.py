# From the Python 3.11 documentation, library/itertools.rst lines 12 + 752 + 929-992 (recipes, with a driver); see README.md.
from itertools import cycle, filterfalse, islice, pairwise, tee  # corpus: the page's testsetup 'from itertools import *', with the names used
import collections
# corpus: the block's other imports left out: these recipes do not use them

def triplewise(iterable):
    "Return overlapping triplets from an iterable"
    # triplewise('ABCDEFG') --> ABC BCD CDE DEF EFG
    for (a, _), (b, c) in pairwise(pairwise(iterable)):
        yield a, b, c

def sliding_window(iterable, n):
    # sliding_window('ABCDEFG', 4) --> ABCD BCDE CDEF DEFG
    it = iter(iterable)
    window = collections.deque(islice(it, n), maxlen=n)
    if len(window) == n:
        yield tuple(window)
    for x in it:
        window.append(x)
        yield tuple(window)

def roundrobin(*iterables):
    "roundrobin('ABC', 'D', 'EF') --> A D E B F C"
    # Recipe credited to George Sakkis
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for next in nexts:
                yield next()
        except StopIteration:
            # Remove the iterator we just exhausted from the cycle.
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))

def partition(pred, iterable):
    "Use a predicate to partition entries into false entries and true entries"
    # partition(is_odd, range(10)) --> 0 2 4 6 8   and  1 3 5 7 9
    t1, t2 = tee(iterable)
    return filterfalse(pred, t1), filter(pred, t2)

def before_and_after(predicate, it):
    """ Variant of takewhile() that allows complete
        access to the remainder of the iterator.

        >>> it = iter('ABCdEfGhI')
        >>> all_upper, remainder = before_and_after(str.isupper, it)
        >>> ''.join(all_upper)
        'ABC'
        >>> ''.join(remainder)     # takewhile() would lose the 'd'
        'dEfGhI'

        Note that the first iterator must be fully
        consumed before the second iterator can
        generate valid results.
    """
    it = iter(it)
    transition = []
    def true_iterator():
        for elem in it:
            if predicate(elem):
                yield elem
            else:
                transition.append(elem)
                return
    def remainder_iterator():
        yield from transition
        yield from it
    return true_iterator(), remainder_iterator()
print([''.join(t) for t in triplewise('ABCDEFG')])  # corpus: driver
print([''.join(t) for t in sliding_window('ABCDEFG', 4)])  # corpus: driver
print(list(roundrobin('ABC', 'D', 'EF')))  # corpus: driver
evens, odds = partition(lambda x: x % 2, range(10))  # corpus: driver
print(list(evens), list(odds))  # corpus: driver
it = iter('ABCdEfGhI')  # corpus: driver, the docstring's example
all_upper, remainder = before_and_after(str.isupper, it)  # corpus: driver
print(''.join(all_upper))  # corpus: driver
print(''.join(remainder))  # corpus: driver

# From the Python 3.11 documentation, library/itertools.rst lines 12 + 752-753 + 1000-1026 + 1034-1086 (recipes, with a driver); see README.md.
from itertools import chain, combinations, filterfalse  # corpus: the page's testsetup 'from itertools import *', with the names used
import collections
import math
# corpus: the block's 'import operator' and 'import random' left out, and unique_justseen (it uses operator)

def powerset(iterable):
    "powerset([1,2,3]) --> () (1,) (2,) (3,) (1,2) (1,3) (2,3) (1,2,3)"
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s)+1))

def unique_everseen(iterable, key=None):
    "List unique elements, preserving order. Remember all elements ever seen."
    # unique_everseen('AAAABBBCCDAABBB') --> A B C D
    # unique_everseen('ABBcCAD', str.lower) --> A B c D
    seen = set()
    if key is None:
        for element in filterfalse(seen.__contains__, iterable):
            seen.add(element)
            yield element
        # For order preserving deduplication,
        # a faster but non-lazy solution is:
        #     yield from dict.fromkeys(iterable)
    else:
        for element in iterable:
            k = key(element)
            if k not in seen:
                seen.add(k)
                yield element
        # For use cases that allow the last matching element to be returned,
        # a faster but non-lazy solution is:
        #      t1, t2 = tee(iterable)
        #      yield from dict(zip(map(key, t1), t2)).values()


def iter_except(func, exception, first=None):
    """ Call a function repeatedly until an exception is raised.

    Converts a call-until-exception interface to an iterator interface.
    Like builtins.iter(func, sentinel) but uses an exception instead
    of a sentinel to end the loop.

    Examples:
        iter_except(functools.partial(heappop, h), IndexError)   # priority queue iterator
        iter_except(d.popitem, KeyError)                         # non-blocking dict iterator
        iter_except(d.popleft, IndexError)                       # non-blocking deque iterator
        iter_except(q.get_nowait, Queue.Empty)                   # loop over a producer Queue
        iter_except(s.pop, KeyError)                             # non-blocking set iterator

    """
    try:
        if first is not None:
            yield first()            # For database APIs needing an initial cast to db.first()
        while True:
            yield func()
    except exception:
        pass

def first_true(iterable, default=False, pred=None):
    """Returns the first true value in the iterable.

    If no true value is found, returns *default*

    If *pred* is not None, returns the first item
    for which pred(item) is true.

    """
    # first_true([a,b,c], x) --> a or b or c or x
    # first_true([a,b], x, f) --> a if f(a) else b if f(b) else x
    return next(filter(pred, iterable), default)

def nth_combination(iterable, r, index):
    "Equivalent to list(combinations(iterable, r))[index]"
    pool = tuple(iterable)
    n = len(pool)
    c = math.comb(n, r)
    if index < 0:
        index += c
    if index < 0 or index >= c:
        raise IndexError
    result = []
    while r:
        c, n, r = c*r//n, n-1, r-1
        while index >= c:
            index -= c
            c, n = c*(n-r)//n, n-1
        result.append(pool[-1-n])
    return tuple(result)
print(list(powerset([1, 2, 3])))  # corpus: driver
print(list(unique_everseen('AAAABBBCCDAABBB')))  # corpus: driver
print(list(unique_everseen('ABBcCAD', str.lower)))  # corpus: driver
d = {'a': 1, 'b': 2, 'c': 3}  # corpus: driver
print(list(iter_except(d.popitem, KeyError)))  # corpus: driver
s = [3, 1, 2]  # corpus: driver
print(list(iter_except(s.pop, IndexError, first=lambda: 'start')))  # corpus: driver
print(first_true([0, None, '', 7, 8]), first_true([0, ''], 'x'), first_true(range(10), None, lambda x: x > 4))  # corpus: driver
print(nth_combination('ABCDE', 3, 4), nth_combination(range(10), 4, -1))  # corpus: driver
print(list(combinations('ABCDE', 3))[4])  # corpus: driver

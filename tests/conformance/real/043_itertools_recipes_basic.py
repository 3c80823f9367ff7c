# From the Python 3.11 documentation, library/itertools.rst lines 12 + 752-753 + 757-824 (recipes, with a driver); see README.md.
from itertools import chain, count, groupby, islice, repeat, zip_longest  # corpus: the page's testsetup 'from itertools import *', with the names used
import collections
import math
# corpus: the block's 'import operator' and 'import random' left out: these recipes do not use them

def take(n, iterable):
    "Return first n items of the iterable as a list"
    return list(islice(iterable, n))

def prepend(value, iterator):
    "Prepend a single value in front of an iterator"
    # prepend(1, [2, 3, 4]) --> 1 2 3 4
    return chain([value], iterator)

def tabulate(function, start=0):
    "Return function(0), function(1), ..."
    return map(function, count(start))

def tail(n, iterable):
    "Return an iterator over the last n items"
    # tail(3, 'ABCDEFG') --> E F G
    return iter(collections.deque(iterable, maxlen=n))

def consume(iterator, n=None):
    "Advance the iterator n-steps ahead. If n is None, consume entirely."
    # Use functions that consume iterators at C speed.
    if n is None:
        # feed the entire iterator into a zero-length deque
        collections.deque(iterator, maxlen=0)
    else:
        # advance to the empty slice starting at position n
        next(islice(iterator, n, n), None)

def nth(iterable, n, default=None):
    "Returns the nth item or a default value"
    return next(islice(iterable, n, None), default)

def all_equal(iterable):
    "Returns True if all the elements are equal to each other"
    g = groupby(iterable)
    return next(g, True) and not next(g, False)

def quantify(iterable, pred=bool):
    "Count how many times the predicate is true"
    return sum(map(pred, iterable))

def ncycles(iterable, n):
    "Returns the sequence elements n times"
    return chain.from_iterable(repeat(tuple(iterable), n))

def batched(iterable, n):
    "Batch data into tuples of length n. The last batch may be shorter."
    # batched('ABCDEFG', 3) --> ABC DEF G
    if n < 1:
        raise ValueError('n must be at least one')
    it = iter(iterable)
    while (batch := tuple(islice(it, n))):
        yield batch

def grouper(iterable, n, *, incomplete='fill', fillvalue=None):
    "Collect data into non-overlapping fixed-length chunks or blocks"
    # grouper('ABCDEFG', 3, fillvalue='x') --> ABC DEF Gxx
    # grouper('ABCDEFG', 3, incomplete='strict') --> ABC DEF ValueError
    # grouper('ABCDEFG', 3, incomplete='ignore') --> ABC DEF
    args = [iter(iterable)] * n
    if incomplete == 'fill':
        return zip_longest(*args, fillvalue=fillvalue)
    if incomplete == 'strict':
        return zip(*args, strict=True)
    if incomplete == 'ignore':
        return zip(*args)
    else:
        raise ValueError('Expected fill, strict, or ignore')
print(take(3, 'ABCDEFG'))  # corpus: driver
print(list(prepend(1, [2, 3, 4])))  # corpus: driver
print(take(5, tabulate(lambda i: i * i)))  # corpus: driver
print(list(tail(3, 'ABCDEFG')))  # corpus: driver
it = iter(range(10))  # corpus: driver
consume(it, 3)  # corpus: driver
print(next(it))  # corpus: driver
consume(it)  # corpus: driver
print(next(it, 'done'))  # corpus: driver
print(nth('abcde', 2), nth('abcde', 9))  # corpus: driver
print(all_equal('aaaa'), all_equal('aaab'), all_equal(''))  # corpus: driver
print(quantify([1, 0, 3, 0, 5]), quantify(range(10), lambda x: x % 3 == 0))  # corpus: driver
print(list(ncycles('ab', 3)))  # corpus: driver
print(list(batched('ABCDEFG', 3)))  # corpus: driver
print(list(grouper('ABCDEFG', 3, fillvalue='x')))  # corpus: driver
print(list(grouper('ABCDEFG', 3, incomplete='ignore')))  # corpus: driver
print(list(grouper('ABCDEFG', 3, incomplete='strict')))  # corpus: driver

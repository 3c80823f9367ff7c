# From the Python 3.11 documentation, library/functools.rst lines 240-250 (doctest); see README.md.
from functools import lru_cache  # corpus: added import

@lru_cache(maxsize=None)
def fib(n):
    if n < 2:
        return n
    return fib(n-1) + fib(n-2)

print([fib(n) for n in range(16)])  # corpus: echo

print(fib.cache_info())  # corpus: echo

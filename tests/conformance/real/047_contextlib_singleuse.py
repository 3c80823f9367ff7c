# From the Python 3.11 documentation, library/contextlib.rst lines 899-917 (doctest); see README.md.
from contextlib import contextmanager
@contextmanager
def singleuse():
    print("Before")
    yield
    print("After")

cm = singleuse()
with cm:
    pass

with cm:
    pass

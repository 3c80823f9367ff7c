# From the Python 3.11 documentation, library/functools.rst lines 672-691 (doctest); see README.md.
from functools import wraps
def my_decorator(f):
    @wraps(f)
    def wrapper(*args, **kwds):
        print('Calling decorated function')
        return f(*args, **kwds)
    return wrapper

@my_decorator
def example():
    """Docstring"""
    print('Called example function')

example()
print(repr(example.__name__))  # corpus: echo
print(repr(example.__doc__))  # corpus: echo

# From the Python 3.11 documentation, library/functools.rst lines 367-383 (doctest); see README.md.
from functools import partialmethod  # corpus: added import

class Cell:
    def __init__(self):
        self._alive = False
    @property
    def alive(self):
        return self._alive
    def set_state(self, state):
        self._alive = bool(state)
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)

c = Cell()
print(c.alive)  # corpus: echo
c.set_alive()
print(c.alive)  # corpus: echo

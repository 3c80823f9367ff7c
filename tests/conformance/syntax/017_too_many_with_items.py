# expect-line: 7
# A with statement of 21 items: CPython allows 20 nested blocks.
class C:
    def __enter__(self): return self
    def __exit__(self, *a): pass
c = C()
with c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c:
    print('in')

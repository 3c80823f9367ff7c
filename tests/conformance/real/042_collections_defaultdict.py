# From the Python 3.11 documentation, library/collections.rst lines 775-835 (doctest); see README.md.
from collections import defaultdict  # corpus: added import

s = [('yellow', 1), ('blue', 2), ('yellow', 3), ('blue', 4), ('red', 1)]
d = defaultdict(list)
for k, v in s:
    d[k].append(v)

print(sorted(d.items()))  # corpus: echo

d = {}
for k, v in s:
    d.setdefault(k, []).append(v)

print(sorted(d.items()))  # corpus: echo

s = 'mississippi'
d = defaultdict(int)
for k in s:
    d[k] += 1

print(sorted(d.items()))  # corpus: echo

def constant_factory(value):
    return lambda: value
d = defaultdict(constant_factory('<missing>'))
d.update(name='John', action='ran')
print(repr('%(name)s %(action)s to %(object)s' % d))  # corpus: echo

s = [('red', 1), ('blue', 2), ('red', 3), ('blue', 4), ('red', 1), ('blue', 4)]
d = defaultdict(set)
for k, v in s:
    d[k].add(v)

print(sorted(d.items()))  # corpus: echo

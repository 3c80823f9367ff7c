# heapq: a binary min-heap kept in a list, with the sift algorithms CPython
# 3.11 uses (the list's layout after each call is the same, so printing a
# heap prints what CPython prints).

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check(heap, fn, one_arg=False):
    if not isinstance(heap, list):
        raise TypeError(fn + "() argument " + ("" if one_arg else "1 ") + "must be list, not " + type(heap).__name__)


def heappush(heap, item):
    _check(heap, "heappush")
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    _check(heap, "heappop", True)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        first = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return first
    return last


def heapreplace(heap, item):
    _check(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    first = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return first


def heappushpop(heap, item):
    _check(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    _check(x, "heapify", True)
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


# Moves heap[pos] up towards startpos while it is smaller than its parent.
def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


# Moves the smaller child up until heap[pos]'s item reaches a leaf, then
# sifts it back up (fewer comparisons than stopping early, as CPython does).
def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    # Each input's next item with its input's index: ties come from the
    # earlier input first, as in CPython.
    heads = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            heads.append([value, order, it])
            break
    keyed = (lambda v: v) if key is None else key
    while heads:
        best = 0
        for i in range(1, len(heads)):
            a, b = keyed(heads[i][0]), keyed(heads[best][0])
            if (b < a) if reverse else (a < b):
                best = i
        head = heads[best]
        yield head[0]
        for value in head[2]:
            head[0] = value
            break
        else:
            del heads[best]


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:max(n, 0)]


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:max(n, 0)]

import heapq
from heapq import heappush, heappop

h = []
for x in [5, 1, 8, 3, 9, 2, 7, 1]:
    heappush(h, x)
    print(h)
print([heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 5), data, heapq.heappushpop(data, 0), heapq.heappushpop(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), heapq.nlargest(0, [1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3])), list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
print(list(heapq.merge([7, 4, 1], [8, 2], reverse=True)))
tasks = []
heappush(tasks, (2, "write"))
heappush(tasks, (1, "read"))
heappush(tasks, (3, "sleep"))
while tasks:
    print(heappop(tasks))
for bad in (lambda: heappop([]), lambda: heappush((), 1), lambda: heapq.heapreplace([], 1)):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
import heapq
for f in (heapq.heappop, heapq.heapify, lambda x: heapq.heapreplace(x, 1), lambda x: heapq.heappushpop(x, 1)):
    try:
        f(())
    except TypeError as e:
        print(e)

# Counter of results, deque as a bounded buffer, defaultdict, namedtuple, OrderedDict.
import asyncio
import random
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

Result = namedtuple("Result", ["worker", "status", "elapsed"])


async def worker(name, buffer, by_worker):
    results = []
    for i in range(3):
        delay = random.choice([0.1, 0.2, 0.3])
        await asyncio.sleep(delay)
        status = random.choice(["ok", "ok", "retry", "error"])
        r = Result(name, status, delay)
        buffer.append(r)
        by_worker[name].append(status)
        results.append(r)
    return results


async def main():
    random.seed(7)
    buffer = deque(maxlen=4)
    by_worker = defaultdict(list)
    batches = await asyncio.gather(*(worker(f"w{i}", buffer, by_worker) for i in range(3)))
    statuses = Counter(r.status for batch in batches for r in batch)
    print(statuses)
    print(statuses.most_common(1), statuses["missing"], sum(statuses.values()))
    print(buffer)
    print(len(buffer), buffer[0].worker, buffer.maxlen)
    print(dict(by_worker))
    first = batches[0][0]
    print(first, first.status, first._asdict(), first._replace(status="done"))
    name, status, elapsed = first
    print(name, status, elapsed, Result._fields)
    order = OrderedDict()
    for batch in batches:
        for r in batch:
            order[r.worker] = order.get(r.worker, 0) + r.elapsed
    order.move_to_end("w0")
    print(order)
    queue = deque([1, 2, 3])
    queue.appendleft(0)
    queue.rotate(1)
    print(queue, queue.popleft(), queue.pop(), queue)
    try:
        deque().pop()
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())

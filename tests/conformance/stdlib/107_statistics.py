# statistics: latency summaries of tasks; exact means and variances as
# CPython rounds them, int results for int data, errors.
import asyncio
import statistics
from statistics import mean, median, mode, stdev, pstdev, variance, pvariance


async def probe(i):
    delay = (i * 7 % 5 + 1) / 10
    await asyncio.sleep(delay)
    return delay


async def main():
    lat = await asyncio.gather(*(probe(i) for i in range(9)))
    print(lat)
    print(mean(lat), statistics.fmean(lat), median(lat), statistics.median_low(lat), statistics.median_high(lat))
    print(mode(lat), statistics.multimode(lat), stdev(lat), pstdev(lat), variance(lat), pvariance(lat))
    ints = [2, 4, 4, 4, 5, 5, 7, 9]
    print(mean(ints), median(ints), mode(ints), pstdev(ints), stdev(ints), variance(ints), pvariance(ints))
    print(mean([1, 2, 3]), mean([1, 2]), mean([True, False, True]), variance([1, 2, 3, 4]), pvariance([1, 2, 3]))
    print(mean([0.1, 0.2, 0.3]), sum([0.1, 0.2, 0.3]) / 3, mean([1e50, 1, -1e50]), mean([1, 2.5]))
    print(stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), pstdev([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
    print(variance([0.1] * 10), stdev([10**20, 10**20 + 2]), variance([1, 3], 2), pvariance([1, 2, 3], 2.5))
    print(stdev([3, 4, 5, 6, 100]), pstdev([1e-300, 3e-300]), variance([1e150, 3e150]))
    # the int division that ends stdev rounds ties to even, as CPython's
    print(48256457640483532 / (1 << 1052), (2**60 + 3 * 2**7) / 2**8, (2**60 + 2**7) / 2**8)
    print(median([3, 1, 2, 4]), median([5]), median([1.5, 2]), median_low_high([1, 3, 5, 7]))
    print(mode(["red", "blue", "red"]), mode([1, 1, 2, 2]), statistics.multimode("aabbbbccddddeeffffgg"),
          statistics.multimode([]))
    print(statistics.fmean([1, 2, 3, 4]), statistics.fmean([3, 5], weights=[1, 3]), statistics.fmean(iter([1.5])))
    print(mean([float("inf"), 1]), mean([float("nan"), 1]), variance([float("inf"), 1, 2]))
    print(issubclass(statistics.StatisticsError, ValueError))
    for bad in [lambda: mean([]), lambda: median([]), lambda: mode([]), lambda: stdev([1]),
                lambda: variance([1]), lambda: pvariance([]), lambda: pstdev([]), lambda: statistics.fmean([]),
                lambda: statistics.median_low([]), lambda: mean(["a", "b"]),
                lambda: statistics.fmean([1, 2], weights=[1]), lambda: statistics.fmean([1], weights=[0])]:
        try:
            print("ok", bad())
        except (statistics.StatisticsError, TypeError) as e:
            print(type(e).__name__, e)


def median_low_high(data):
    return statistics.median_low(data), statistics.median_high(data)


asyncio.run(main())

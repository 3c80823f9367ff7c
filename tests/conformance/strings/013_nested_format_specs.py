import asyncio


async def report(rows):
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print("{:<{}} | {:>{}.{}f}s".format(name, width, seconds, 7, 2))
        await asyncio.sleep(seconds)
    total = sum(s for _, s in rows)
    w, p = 10, 3
    print(f"{'total':>{width}} | {total:{w}.{p}f}")
    print("{0:{fill}^{w}}|{1:{fill}{align}{w}}".format("mid", "x", fill="*", align=">", w=7))
    print("[{:{}}]".format(42, "+06"), f"[{3.14159:{'.'}{2}}]")


asyncio.run(report([("fetch", 1.5), ("parse", 0.25), ("store", 0.125)]))

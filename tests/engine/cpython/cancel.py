import asyncio

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("cancelled at await, msg:", e.args)
        raise

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    print("cancel ->", t.cancel("stop it"), "cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter sees", e.args)
    print("cancelled()", t.cancelled(), "cancel again ->", t.cancel())
    u = asyncio.create_task(asyncio.sleep(1))
    u.cancel()
    try:
        await u
    except asyncio.CancelledError:
        print("cancelled before start")
    print("uncancel", u.uncancel(), u.uncancel())

asyncio.run(main())

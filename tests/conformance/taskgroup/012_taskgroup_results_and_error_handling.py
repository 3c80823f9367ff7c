import asyncio

async def fetch_user(uid):
    await asyncio.sleep(uid / 10)
    if uid == 3:
        raise LookupError(f"user {uid} not found")
    return {"id": uid, "name": f"user{uid}"}

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(fetch_user(uid)) for uid in range(1, 6)]
    except* LookupError as eg:
        for e in eg.exceptions:
            print("lookup failed:", e)
    for t in tasks:
        state = "cancelled" if t.cancelled() else ("error" if t.exception() else t.result()["name"])
        print(t.get_name(), state)

asyncio.run(main())

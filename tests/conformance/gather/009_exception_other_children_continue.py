import asyncio

async def fail_fast():
    raise KeyError("k")

async def slow():
    await asyncio.sleep(1)
    print("slow still finished")
    return "slow"

async def main():
    s = asyncio.create_task(slow())
    try:
        await asyncio.gather(fail_fast(), s)
    except KeyError as e:
        print("caught KeyError", e)
    print("slow done?", s.done())
    print(await s)

asyncio.run(main())

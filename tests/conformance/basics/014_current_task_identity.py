import asyncio

async def inner(outer_task):
    print("same task:", asyncio.current_task() is outer_task)

async def main():
    me = asyncio.current_task()
    await inner(me)
    t = asyncio.create_task(inner(me))
    await t

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside a loop:", e)

import asyncio

async def forever():
    await asyncio.sleep(3600)

async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(1)
    print("main done, background still pending")

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
print("loop closed")

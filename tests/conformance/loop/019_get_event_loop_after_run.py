import asyncio


async def main():
    loop = asyncio.get_event_loop()
    print(loop is asyncio.get_running_loop())
    await asyncio.sleep(1)
    return "done"


print(asyncio.run(main()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
print(loop.run_until_complete(main()))
loop.close()

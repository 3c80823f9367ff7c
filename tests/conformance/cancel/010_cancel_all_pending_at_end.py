import asyncio

async def forever(name):
    try:
        while True:
            await asyncio.sleep(1)
            print(name, "alive")
    except asyncio.CancelledError:
        print(name, "cancelled by asyncio.run shutdown")
        raise

async def main():
    asyncio.create_task(forever("worker"))
    await asyncio.sleep(2.5)
    print("main returns")

asyncio.run(main())
print("run returned")

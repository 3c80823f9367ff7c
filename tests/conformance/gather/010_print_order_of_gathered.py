import asyncio

async def talk(name):
    print(name, "step 1")
    await asyncio.sleep(0)
    print(name, "step 2")
    await asyncio.sleep(0.1)
    print(name, "step 3")

async def main():
    await asyncio.gather(talk("x"), talk("y"))

asyncio.run(main())

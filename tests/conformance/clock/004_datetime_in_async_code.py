import asyncio
from datetime import datetime

async def log(msg):
    print(datetime.now(), msg)

async def main():
    await log("start")
    await asyncio.sleep(0.5)
    await log("half a second later")
    await asyncio.sleep(59.5)
    await log("a minute in")

asyncio.run(main())

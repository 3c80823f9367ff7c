import asyncio

async def important():
    await asyncio.sleep(2)
    print("important work finished")
    return "saved"

async def main():
    inner = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except asyncio.TimeoutError:
        print("timed out, inner cancelled?", inner.cancelled())
    print(await inner)

asyncio.run(main())

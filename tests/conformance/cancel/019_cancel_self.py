import asyncio

async def main():
    me = asyncio.current_task()
    me.cancel()
    print("cancel requested; still running until the next await")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancelled at", asyncio.get_running_loop().time())
    return "swallowed"

print(asyncio.run(main()))

import asyncio

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    await asyncio.sleep(3 if attempts < 3 else 0.5)
    return f"ok on attempt {attempts}"

async def main():
    for i in range(5):
        try:
            print(await asyncio.wait_for(flaky(), timeout=1))
            break
        except asyncio.TimeoutError:
            print("attempt", i + 1, "timed out at", asyncio.get_running_loop().time())

asyncio.run(main())

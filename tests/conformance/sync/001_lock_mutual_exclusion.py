import asyncio

balance = 100

async def withdraw(lock, name, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.1)
        balance = current - amount
        print(name, "withdrew", amount, "balance", balance)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(withdraw(lock, "a", 10), withdraw(lock, "b", 20), withdraw(lock, "c", 30))
    print("final", balance)

asyncio.run(main())

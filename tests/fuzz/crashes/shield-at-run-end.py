# Found by the fuzzer: asyncio.run ends while a task awaits shield(inner);
# inner's done callback then calls into the freed Shield (UBSan: invalid
# vptr in Shield::inner_done, engine/include/corolab/wait.hpp). CPython: no output.
import asyncio
async def work():
    await asyncio.sleep(0)
async def waiter(inner):
    await asyncio.shield(inner)
async def main():
    inner = asyncio.create_task(work())
    asyncio.create_task(waiter(inner))
asyncio.run(main())

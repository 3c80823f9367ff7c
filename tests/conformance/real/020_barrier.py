# From the Python 3.11 documentation, library/asyncio-sync.rst lines 367-386 (print(b) without the address); see README.md.
import asyncio  # corpus: added import


def without_address(obj):  # corpus: the repr's address differs from run to run
    text = repr(obj)
    return text[:text.index(' at 0x')] + text[text.index(' ['):]


async def example_barrier():
   # barrier with 3 parties
   b = asyncio.Barrier(3)

   # create 2 new waiting tasks
   asyncio.create_task(b.wait())
   asyncio.create_task(b.wait())

   await asyncio.sleep(0)
   print(without_address(b))

   # The third .wait() call passes the barrier
   await b.wait()
   print(without_address(b))
   print("barrier passed")

   await asyncio.sleep(0)
   print(without_address(b))

asyncio.run(example_barrier())

# From the Python 3.11 documentation, whatsnew/3.6.rst lines 291-295 (with a driver); see README.md.
import asyncio  # corpus: added import

async def ticker(delay, to):
    """Yield numbers from 0 to *to* every *delay* seconds."""
    for i in range(to):
        yield i
        await asyncio.sleep(delay)


async def main():  # corpus: driver that runs the page's generator
    async for i in ticker(1, 5):  # corpus: driver
        print(i)  # corpus: driver
    result = [i async for i in ticker(0.5, 6) if i % 2]  # corpus: driver, the page's PEP 530 line 313 with ticker as aiter()
    print(result)  # corpus: driver


asyncio.run(main())  # corpus: added entry point

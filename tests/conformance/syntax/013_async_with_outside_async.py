# expect-line: 5
import asyncio

def main():
    async with asyncio.Lock():
        pass

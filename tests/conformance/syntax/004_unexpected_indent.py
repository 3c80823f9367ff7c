# expect-line: 4
import asyncio

    print("indented for no reason")

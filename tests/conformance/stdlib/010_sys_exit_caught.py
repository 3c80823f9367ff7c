# SystemExit can be caught; sys.exit() with no argument ends the run with status 0.
import asyncio
import sys


async def main():
    try:
        sys.exit("bye")
    except SystemExit as e:
        print("caught", repr(e), e.args)
    try:
        sys.exit(3)
    except SystemExit as e:
        print("caught", e.args)
    await asyncio.sleep(1)
    print("exiting cleanly")
    sys.exit()


asyncio.run(main())
print("not reached")

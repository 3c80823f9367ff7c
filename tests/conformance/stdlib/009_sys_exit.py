# sys: argv, stdout/stderr writes, version_info, and sys.exit(2) ending the run.
import asyncio
import sys


async def check(n):
    await asyncio.sleep(n / 10)
    return n % 3 != 0


async def main():
    print(sys.argv, sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major)
    print(sys.maxsize, sys.platform)
    sys.stdout.write("written directly\n")
    n = sys.stdout.write("no newline yet... ")
    print(n)
    sys.stderr.write("to stderr\n")
    print("also to stderr", file=sys.stderr)
    results = await asyncio.gather(*(check(i) for i in range(1, 5)))
    print(results)
    if not all(results):
        print("a check failed, exiting with status 2")
        sys.exit(2)
    print("never printed")


asyncio.run(main())

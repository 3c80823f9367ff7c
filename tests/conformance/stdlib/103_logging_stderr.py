# logging without configuration: a named logger's warnings go to
# logging.lastResort (the bare message on stderr), info is dropped; the
# first module-level call configures the root logger (LEVEL:name:message on
# stderr). Output on stdout interleaves with it.
import asyncio
import logging

log = logging.getLogger("worker")


async def work(n):
    await asyncio.sleep(n)
    log.info("not shown: info is below WARNING")
    log.warning("worker %d is slow", n)
    print("worker", n, "done")
    return n


async def main():
    print(await asyncio.gather(work(1), work(2)))
    print(logging.lastResort, logging.root.handlers)
    logging.warning("root warning configures the root logger")
    print(len(logging.root.handlers), logging.root.handlers[0].formatter._fmt)
    log.error("now through the root's handler")
    logging.info("still WARNING: not shown")
    print(log.hasHandlers(), logging.getLogger("worker").getEffectiveLevel())


asyncio.run(main())

import asyncio

def stopper(loop):
    print("stopping at", loop.time())
    loop.stop()

loop = asyncio.new_event_loop()
loop.call_later(1, print, "tick 1")
loop.call_later(2, stopper, loop)
loop.call_later(3, print, "never")
loop.run_forever()
print("loop stopped, running:", loop.is_running())
loop.close()

# Real-time reference (tests/oracle/realtime.py): current_thread(),
# main_thread(), get_ident() and active_count() as scenarios use them.
import asyncio
import threading
import time


def who():
    me = threading.current_thread()
    print("in", me.name, me is threading.main_thread(), threading.get_ident() != main_ident)
    time.sleep(0.2)
    return me.name


main_ident = threading.get_ident()
print(threading.current_thread().name, threading.current_thread() is threading.main_thread())
t = threading.Thread(target=who)
t.start()
print("active:", threading.active_count(), t.ident is not None, t.ident != main_ident)
t.join()
print("active:", threading.active_count(), t.ident is not None)


async def main():
    print("coroutine on", threading.current_thread().name)
    print("to_thread:", await asyncio.to_thread(who))


asyncio.run(main())
print(repr(threading.Thread(target=who, name="x")).startswith("<Thread(x, initial"))

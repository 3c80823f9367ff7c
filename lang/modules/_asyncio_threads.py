# asyncio's thread bridges (CPython 3.11's asyncio/threads.py, futures.py's
# wrap_future, tasks.py's run_coroutine_threadsafe, base_events.py's
# run_in_executor and shutdown_default_executor), on corolab's simulated
# threads. asyncio (lang/modules/asyncio.cpp) calls these.
import asyncio
import threading
import concurrent.futures

_default_executors = {}  # loop -> its default ThreadPoolExecutor


def wrap_future(future, *, loop=None):
    if asyncio.isfuture(future):
        return future
    if not isinstance(future, concurrent.futures.Future):
        raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')
    if loop is None:
        loop = asyncio.get_event_loop()
    new_future = loop.create_future()

    def _set_state(source):
        if new_future.cancelled():
            return
        if source.cancelled():
            new_future.cancel()
        elif source._exception is not None:
            new_future.set_exception(source._exception)
        else:
            new_future.set_result(source._result)

    def _call_check_cancel(destination):
        if destination.cancelled():
            future.cancel()

    def _call_set_state(source):
        if new_future.cancelled():
            return
        loop.call_soon_threadsafe(_set_state, source)

    new_future.add_done_callback(_call_check_cancel)
    future.add_done_callback(_call_set_state)
    return new_future


def run_in_executor(loop, executor, func, *args):
    if executor is None:
        executor = _default_executors.get(loop)
        if executor is None:
            executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
            _default_executors[loop] = executor
    return wrap_future(executor.submit(func, *args), loop=loop)


async def to_thread(func, /, *args, **kwargs):
    loop = asyncio.get_running_loop()

    def func_call():  # a Python function: the job can block its thread
        return func(*args, **kwargs)
    return await run_in_executor(loop, None, func_call)


def run_coroutine_threadsafe(coro, loop):
    if not asyncio.iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    future = concurrent.futures.Future()

    def callback():
        try:
            task = loop.create_task(coro)
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

        def copy_state(t):
            if t.cancelled():
                future.cancel()
                future.set_running_or_notify_cancel()
            elif not future.set_running_or_notify_cancel():
                return
            elif t.exception() is not None:
                future.set_exception(t.exception())
            else:
                future.set_result(t.result())

        def cancel_task(f):
            if f.cancelled():
                loop.call_soon_threadsafe(task.cancel)
        task.add_done_callback(copy_state)
        future.add_done_callback(cancel_task)

    loop.call_soon_threadsafe(callback)
    return future


def has_default_executor(loop):
    return loop in _default_executors


async def shutdown_default_executor(loop):
    executor = _default_executors.pop(loop, None)
    if executor is None:
        return
    future = loop.create_future()

    def _do_shutdown():
        try:
            executor.shutdown(wait=True)
            loop.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            loop.call_soon_threadsafe(future.set_exception, ex)
    thread = threading.Thread(target=_do_shutdown)
    thread._corolab_internal = True  # no lane of its own in the page's timeline
    thread.start()
    try:
        await future
    finally:
        thread.join()

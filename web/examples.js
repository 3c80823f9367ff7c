// The page's examples: every runnable example of the seed tutorials, then one
// example per asyncio behaviour. `about` is the one sentence shown beside it;
// each was checked against CPython's virtual-clock oracle (tests/oracle/vclock.py)
// to say what its output really shows.

// Each example's source is a scenario of the conformance corpus, so `npm test`
// checks it prints what CPython prints.
import src_hello_gather from '../tests/conformance/seeds/000_gather_say1_say2.py?raw';
import src_coroutine_sleep from '../tests/conformance/seeds/001_indian_pythonista.py?raw';
import src_gather_three from '../tests/conformance/examples/001_gather_three.py?raw';
import src_sync_functions from '../tests/conformance/seeds/002_sync_functions.py?raw';
import src_async_functions from '../tests/conformance/seeds/002_async_fixed.py?raw';
import src_factorial_blocking from '../tests/conformance/seeds/003_factorial_blocking_sleep.py?raw';
import src_factorial_async from '../tests/conformance/seeds/003_factorial_async_sleep.py?raw';
import src_await_vs_task from '../tests/conformance/examples/002_await_vs_task.py?raw';
import src_gather_order from '../tests/conformance/examples/003_gather_order.py?raw';
import src_sleep_zero from '../tests/conformance/examples/004_sleep_zero.py?raw';
import src_blocking_ticker from '../tests/conformance/examples/005_blocking_ticker.py?raw';
import src_cancel from '../tests/conformance/examples/006_cancel.py?raw';
import src_wait_for from '../tests/conformance/examples/007_wait_for.py?raw';
import src_semaphore from '../tests/conformance/examples/008_semaphore.py?raw';
import src_queue from '../tests/conformance/examples/009_queue.py?raw';
import src_taskgroup from '../tests/conformance/examples/010_taskgroup.py?raw';
import src_event from '../tests/conformance/examples/011_event.py?raw';
import src_lock from '../tests/conformance/examples/012_lock.py?raw';
import src_as_completed from '../tests/conformance/examples/013_as_completed.py?raw';
import src_timeout_block from '../tests/conformance/examples/014_timeout_block.py?raw';
import src_return_exceptions from '../tests/conformance/examples/015_return_exceptions.py?raw';
import src_many_tasks from '../tests/conformance/examples/016_many_tasks.py?raw';

export const examples = [
  {
    id: 'hello-gather',
    title: 'Hello 1 / Hello 2 (gather)',
    group: 'From the tutorials',
    about: 'Both coroutines sleep 1 s at the same time, so both lines appear together after 1 s, not 2 s.',
    code: src_hello_gather,
  },
  {
    id: 'coroutine-sleep',
    title: 'A coroutine that sleeps',
    group: 'From the tutorials',
    about: 'await asyncio.sleep(3) suspends main for 3 s: the second line is stamped 3.000.',
    code: src_coroutine_sleep,
  },
  {
    id: 'gather-three',
    title: 'gather(coro1(), coro2(), coro3())',
    group: 'From the tutorials',
    about: 'gather runs the three coroutines concurrently: the whole run takes 3 s (the longest), not 1 + 2 + 3 = 6 s.',
    code: src_gather_three,
  },
  {
    id: 'sync-functions',
    title: 'Synchronous fun1 / fun2',
    group: 'From the tutorials',
    about: 'Plain functions with time.sleep(3) run one after the other: the clock goes from 00:00:00 to 00:00:06.',
    code: src_sync_functions,
  },
  {
    id: 'async-functions',
    title: 'Asynchronous fun1 / fun2 (create_task)',
    group: 'From the tutorials',
    about: 'As tasks, fun1 and fun2 sleep at the same time: the clock goes from 00:00:00 to 00:00:03 instead of 00:00:06.',
    code: src_async_functions,
  },
  {
    id: 'factorial-blocking',
    title: 'Factorial with blocking time.sleep',
    group: 'From the tutorials',
    about: 'time.sleep blocks the whole loop, so task B cannot start until A is done: 5 s in total.',
    code: src_factorial_blocking,
  },
  {
    id: 'factorial-async',
    title: 'Factorial with asyncio.sleep',
    group: 'From the tutorials',
    about: 'With await asyncio.sleep the tasks take turns while they wait: 3 s in total instead of 5 s.',
    code: src_factorial_async,
  },
  {
    id: 'await-vs-task',
    title: 'Plain await vs create_task',
    group: 'asyncio behaviours',
    about: 'Awaiting coroutines one by one takes 1 + 2 = 3 s; wrapping them in tasks first lets them overlap: 2 s.',
    code: src_await_vs_task,
  },
  {
    id: 'gather-order',
    title: 'gather keeps argument order',
    group: 'asyncio behaviours',
    about: 'The jobs finish fastest first, but gather returns their results in the order they were passed.',
    code: src_gather_order,
  },
  {
    id: 'sleep-zero',
    title: 'sleep(0) lets others run',
    group: 'asyncio behaviours',
    about: 'await asyncio.sleep(0) yields to the loop without waiting, so two busy tasks interleave line by line at t = 0.',
    code: src_sleep_zero,
  },
  {
    id: 'blocking-ticker',
    title: 'A blocking call stalls everyone',
    group: 'asyncio behaviours',
    about: 'The ticker should print every 0.5 s, but time.sleep(2) in another task freezes the loop and the ticks stop for 2 s.',
    code: src_blocking_ticker,
  },
  {
    id: 'cancel',
    title: 'Cancelling a task',
    group: 'asyncio behaviours',
    about: 'cancel() raises CancelledError inside the task at its await, so its cleanup runs at 2.5 s and the awaiter sees the cancellation.',
    code: src_cancel,
  },
  {
    id: 'wait-for',
    title: 'wait_for with a timeout',
    group: 'asyncio behaviours',
    about: 'A 0.5 s job finishes within its 1 s timeout; a 5 s job is cancelled after 1 s (at t = 1.5) and wait_for raises TimeoutError.',
    code: src_wait_for,
  },
  {
    id: 'semaphore',
    title: 'Semaphore limits concurrency',
    group: 'asyncio behaviours',
    about: 'Six downloads share a Semaphore(2): only two run at a time, so they finish in pairs at 1, 2 and 3 s.',
    code: src_semaphore,
  },
  {
    id: 'queue',
    title: 'Queue: producer and consumers',
    group: 'asyncio behaviours',
    about: 'A producer puts five items into a Queue; two consumers take them as they come and queue.join() waits until all are processed.',
    code: src_queue,
  },
  {
    id: 'taskgroup',
    title: 'TaskGroup: one failure cancels the rest',
    group: 'asyncio behaviours',
    about: 'When one task in a TaskGroup raises, the group cancels its siblings and raises an ExceptionGroup holding the error.',
    code: src_taskgroup,
  },
  {
    id: 'event',
    title: 'Event: wake every waiter',
    group: 'asyncio behaviours',
    about: 'Three tasks wait on one Event; set() at 2 s wakes all of them at once.',
    code: src_event,
  },
  {
    id: 'lock',
    title: 'Lock: one at a time',
    group: 'asyncio behaviours',
    about: 'Without the lock the read-sleep-write updates would overwrite each other; with it the counter ends at 3 after 3 s.',
    code: src_lock,
  },
  {
    id: 'as-completed',
    title: 'as_completed: first finished, first seen',
    group: 'asyncio behaviours',
    about: 'as_completed yields results in the order they finish (1 s, 2 s, 3 s), not the order the jobs were started.',
    code: src_as_completed,
  },
  {
    id: 'timeout-block',
    title: 'asyncio.timeout (3.11)',
    group: 'asyncio behaviours',
    about: 'async with asyncio.timeout(1.5) cancels whatever is awaited inside it at 1.5 s and turns that into TimeoutError.',
    code: src_timeout_block,
  },
  {
    id: 'return-exceptions',
    title: 'gather(return_exceptions=True)',
    group: 'asyncio behaviours',
    about: 'With return_exceptions=True a failing job does not abort gather: its exception comes back in the results list.',
    code: src_return_exceptions,
  },
  {
    id: 'many-tasks',
    title: 'A thousand tasks',
    group: 'asyncio behaviours',
    about: 'A thousand tasks that each sleep a random time all finish within 5 s, because waiting costs nothing.',
    code: src_many_tasks,
  },
];

// Pairs to compare: the left example is run and pinned, then the right one.
export const comparisons = [
  {
    id: 'compare-factorial',
    title: 'time.sleep vs asyncio.sleep (factorial)',
    group: 'Compare two runs',
    about: 'The same factorials, blocking (5 s: the tasks cannot overlap) against awaiting (3 s: they take turns). The timelines share one time axis.',
    left: 'factorial-blocking',
    right: 'factorial-async',
  },
];

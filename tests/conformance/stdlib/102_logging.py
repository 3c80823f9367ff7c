# logging: basicConfig to stdout with level/format/style, named loggers in a
# hierarchy, levels, handlers and formatters, logger.exception with its
# traceback. (asctime is not printed: under the oracle it is wall time.)
import asyncio
import logging
import sys

logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                    format="%(levelname)-8s %(name)s: %(message)s [%(funcName)s:%(lineno)d %(threadName)s]")
log = logging.getLogger("app")
log.setLevel(logging.DEBUG)
db = logging.getLogger("app.db")


async def query(n):
    db.debug("query %d started", n)
    await asyncio.sleep(0.1 * n)
    if n == 3:
        raise ValueError(f"query {n} failed")
    db.info("query %d -> %r", n, [n] * n)
    return n


async def main():
    log.info("starting %s tasks", 3)
    results = await asyncio.gather(query(1), query(2), query(3), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            log.error("failed: %s", r)
        else:
            log.warning("result %(value)s", {"value": r})
    try:
        raise KeyError("missing")
    except KeyError:
        log.exception("lookup went wrong")
    log.log(logging.CRITICAL, "critical via log()")
    logging.info("root %s", "info")


print(logging.getLevelName(logging.WARNING), logging.getLevelName(10), logging.getLevelName("ERROR"),
      logging.getLevelName(25), logging.WARN, logging.FATAL, logging.NOTSET)
print(log, db, logging.getLogger(), db.parent is log, log.parent is logging.root)
print(db.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG), logging.getLogger("app") is log)
print(log.getChild("db") is db, logging.getLogger("app.db.pool").parent is db)
asyncio.run(main())

# a logger with its own handler and formatter, not propagating
jobs = logging.getLogger("jobs")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("{levelname}|{name}|{message}|{module}|{filename}", style="{"))
handler.setLevel(logging.INFO)
jobs.addHandler(handler)
jobs.propagate = False
jobs.debug("not shown: below the handler's level")
jobs.info("job %s done", "build")
jobs.setLevel("WARNING")
jobs.info("not shown: below the logger's level")
jobs.warning("job %s slow", "test")
print(jobs.level, jobs.handlers[0].level, logging.getLevelName(jobs.getEffectiveLevel()))

# propagation: both the child's handler and the root's run
child = logging.getLogger("app.child")
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter("child handler: %(message)s"))
child.addHandler(h2)
child.warning("once per handler")
child.handlers.clear()

# filters
class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 0

f = OnlyEven()
log.addFilter(f)
for i in range(4):
    log.info("number %d", i)
log.removeFilter(f)
log.addFilter(lambda record: "secret" not in record.getMessage())
log.info("a secret")
log.info("public")

# extra fields, a record's attributes
fmt = logging.Formatter("%(user)s did %(message)s at level %(levelno)d")
rec = logging.LogRecord("x", logging.INFO, "file.py", 7, "login %s", ("now",), None)
rec.user = "ana"
print(fmt.format(rec), rec.getMessage(), rec.levelname, rec.lineno, rec.name, rec)
h3 = logging.StreamHandler(sys.stdout)
h3.setFormatter(logging.Formatter("%(user)s: %(message)s"))
extra_log = logging.getLogger("extra")
extra_log.propagate = False
extra_log.addHandler(h3)
extra_log.warning("logged in", extra={"user": "bob"})
try:
    extra_log.warning("x", extra={"message": "no"})
except KeyError as e:
    print("KeyError", e)

# errors
for bad in ["LOUD", 1.5]:
    try:
        log.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    logging.Formatter("%(message)s", style="x")
except ValueError as e:
    print("ValueError", e)
try:
    logging.basicConfig(level=logging.INFO)
    print("second basicConfig does nothing:", len(logging.root.handlers))
    logging.basicConfig(force=True, stream=sys.stdout, bogus=1)
except ValueError as e:
    print("ValueError", e)
logging.basicConfig(force=True, stream=sys.stdout, format="%(levelname)s:%(name)s:%(message)s", level="INFO")
logging.debug("hidden")
logging.warning("after force %d", 2)
logging.disable(logging.WARNING)
logging.warning("disabled")
logging.error("error still shown")
logging.disable(logging.NOTSET)
logging.info("all back")
logging.exception("exception() outside an except clause")
try:
    raise KeyError("k")
except KeyError as e:
    logging.error("with exc_info=e", exc_info=e)
    logging.getLogger("app").critical("with exc_info=True", exc_info=True)

#!/usr/bin/env python3
"""Regenerate (or check) the conformance corpus' expected outputs with the oracle.

    python3 tests/oracle/regen.py                 # every scenario
    python3 tests/oracle/regen.py queue/ 003_     # scenarios whose path contains a word
    python3 tests/oracle/regen.py --check [...]   # compare, write nothing; status 1 on a difference

For each tests/conformance/<area>/<name>.py it writes <name>.tsv (the oracle's stdout)
and <name>.stderr (asyncio's messages from CPython's stderr, normalized by
normalize_stderr; removed when there are none). Scenarios in syntax/ must start with
"# expect-line: N" and the oracle must report that line. A scenario taking 1 s of CPU
time or more is reported as an error: the corpus must stay fast.
"""
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "vclock.py")
CORPUS = os.path.join(os.path.dirname(HERE), "conformance")
CPU_TIME_LIMIT = 1.0

# Lines of CPython's stderr that a user reads as asyncio's (or the runtime's) messages.
# Tracebacks and their bodies are left out: corolab words those its own way.
KEPT_STDERR = re.compile(
    r"^(Task exception was never retrieved"
    r"|Future exception was never retrieved"
    r"|Task was destroyed but it is pending!"
    r"|Exception in callback "
    r"|(future|task): <"
    r"|\S+:\d+: RuntimeWarning: coroutine )")


def normalize_stderr(text):
    """Keeps KEPT_STDERR lines, with paths cut to base names and addresses blanked.

    tests/node/conformance.test.cjs applies the same rules to corolab's stderr."""
    kept = []
    for line in text.splitlines():
        if not KEPT_STDERR.match(line):
            continue
        line = re.sub(r"(?:[^\s<>:'\"]*/)+([^/\s<>:'\"]+)", r"\1", line)
        line = re.sub(r"0x[0-9a-fA-F]+", "0x?", line)
        kept.append(line)
    return "".join(line + "\n" for line in kept)


def scenarios(words):
    found = []
    for root, _dirs, files in os.walk(CORPUS):
        for name in files:
            if name.endswith(".py"):
                rel = os.path.relpath(os.path.join(root, name), CORPUS)
                if not words or any(w in rel for w in words):
                    found.append(rel)
    return sorted(found)


def expected_line(source):
    first = source.splitlines()[0] if source else ""
    m = re.match(r"#\s*expect-line:\s*(\d+)\s*$", first)
    return int(m.group(1)) if m else None


def run_oracle(rel):
    """Returns (tsv, stderr_normalized, problems) for one scenario."""
    path = os.path.join(CORPUS, rel)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, ORACLE, path], stdout=out, stderr=err,
                                cwd=os.path.dirname(path))
        # CPU time, not wall time: other builds share the machine.
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    problems = []
    cpu = usage.ru_utime + usage.ru_stime
    if cpu >= CPU_TIME_LIMIT:
        problems.append(f"took {cpu:.2f} s of CPU time (limit {CPU_TIME_LIMIT} s)")
    last = stdout.splitlines()[-1] if stdout else ""
    ends_in_error = "\t!" in last
    # sys.exit(n) ends a run with status n and no "!" line; the status is
    # then kept beside the .tsv (<stem>.status).
    exited = proc.returncode not in (0, 1) and not ends_in_error
    if ends_in_error != (proc.returncode != 0) and not exited:
        problems.append(f"exit status {proc.returncode} but last line {last!r}")
    if rel.startswith("syntax" + os.sep):
        with open(path, encoding="utf-8") as f:
            want = expected_line(f.read())
        m = re.search(r"\t!\w*Error: .*\(.*, line (\d+)\)$", last)
        if want is None:
            problems.append("syntax scenario without a first line '# expect-line: N'")
        elif not m or int(m.group(1)) != want:
            problems.append(f"expected a SyntaxError on line {want}, oracle said {last!r}")
    status = f"{proc.returncode}\n" if exited else ""
    return stdout, normalize_stderr(stderr), status, problems


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main():
    args = sys.argv[1:]
    check = "--check" in args
    words = [a for a in args if a != "--check"]
    names = scenarios(words)
    if not names:
        print("no scenario matches", words, file=sys.stderr)
        return 1
    failed = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for rel, (tsv, err, status, problems) in zip(names, pool.map(run_oracle, names)):
            stem = os.path.join(CORPUS, rel[:-3])
            for p in problems:
                print(f"{rel}: {p}", file=sys.stderr)
                failed += 1
            if check:
                if (read(stem + ".tsv") != tsv or (read(stem + ".stderr") or "") != err
                        or (read(stem + ".status") or "") != status):
                    print(f"{rel}: expected output is stale", file=sys.stderr)
                    failed += 1
                continue
            with open(stem + ".tsv", "w", encoding="utf-8") as f:
                f.write(tsv)
            if status:
                with open(stem + ".status", "w", encoding="utf-8") as f:
                    f.write(status)
            elif os.path.exists(stem + ".status"):
                os.remove(stem + ".status")
            if err:
                with open(stem + ".stderr", "w", encoding="utf-8") as f:
                    f.write(err)
            elif os.path.exists(stem + ".stderr"):
                os.remove(stem + ".stderr")
    print(f"{'checked' if check else 'regenerated'} {len(names)} scenario(s), "
          f"{failed} problem(s)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

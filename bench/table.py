"""Prints the engine benchmark table: native, Wasm, CPython and ratios.
Usage: table.py NATIVE WASM CPYTHON (files of "<key> <value>" lines)."""
import sys

ROWS = [
    ("W1_switches_per_s", "W1 sleep(0) switches/s (1,000 tasks x 1,000)", "higher"),
    ("W2_timers_per_s", "W2 timers/s (200,000 sleepers, virtual clock)", "higher"),
    ("W3_tasks_per_s", "W3 tasks/s (spawn + gather 100,000)", "higher"),
    ("W4_seconds", "W4 100,000 nested awaits (s)", "lower"),
    ("W4_stack_bytes", "W4 native stack depth at the bottom (bytes)", "none"),
    ("bytes_per_sleeping_task", "heap bytes per sleeping task", "lower"),
]


def load(path):
    out = {}
    for line in open(path):
        key, value = line.split()
        out[key] = None if value == "-" else float(value)
    return out


def fmt(v):
    if v is None:
        return "-"
    if v >= 1000:
        return f"{v:,.0f}"
    return f"{v:.4g}"


def ratio(a, b, better):
    if a is None or b is None or better == "none" or a == 0 or b == 0:
        return "-"
    return f"{(a / b if better == 'higher' else b / a):.1f}x"


def main():
    native, wasm, cpy = (load(p) for p in sys.argv[1:4])
    head = ("workload", "native", "wasm (node)", "cpython", "native/cpy", "wasm/cpy")
    rows = [head]
    for key, label, better in ROWS:
        n, w, c = native.get(key), wasm.get(key), cpy.get(key)
        rows.append((label, fmt(n), fmt(w), fmt(c), ratio(n, c, better), ratio(w, c, better)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for i, r in enumerate(rows):
        print("  ".join(cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j]) for j, cell in enumerate(r)))
        if i == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()

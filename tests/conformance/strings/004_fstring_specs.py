name = "task"
x = 3.14159265
n = 1234567
print(f"{name}: {x:.3f} {x:8.2f}| {x:<8.1f}| {x:e}")
print(f"{n:,} {n:_} {n:>12} {n:012d} {-n:+d} {n:+d}")
print(f"{name!r} {name:>8} {name:*^10} {name.upper()}")
print(f"{0.5:.0%} {0.1234:.1%} {255:#x} {255:08b}")
print(f"{x:g} {1e20:g} {1e-7:g} {123456789.0:g}")
print(f"{{literal}} {n // 1000}k {'nested'}")
width = 6
print(f"[{x:{width}.2f}]")

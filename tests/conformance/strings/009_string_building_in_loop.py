report = ""
for i in range(1, 4):
    report += f"step {i}; "
print(report.rstrip("; "))
lines = []
for name, ms in [("fetch", 120), ("parse", 7), ("store", 45)]:
    lines.append(f"{name:<8}{ms:>5} ms")
print("\n".join(lines))

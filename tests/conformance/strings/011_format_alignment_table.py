rows = [("Task-1", 0.5, "done"), ("Task-22", 12.25, "pending"), ("Task-3", 100.0, "cancelled")]
print(f"{'name':<8}|{'time':>8}|{'state':^11}|")
for name, t, state in rows:
    print(f"{name:<8}|{t:>8.2f}|{state:^11}|")

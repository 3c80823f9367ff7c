data = ["1", "2", "x", "4", "", "6"]
total = 0
for item in data:
    try:
        total += int(item)
    except ValueError:
        print("skipping", repr(item))
        continue
    print("running total", total)
print("total", total)

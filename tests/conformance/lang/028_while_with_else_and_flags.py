queue = [5, 3, 8, 1]
found = False
while queue:
    item = queue.pop(0)
    if item == 8:
        found = True
        break
    print("skip", item)
print("found" if found else "missing", queue)

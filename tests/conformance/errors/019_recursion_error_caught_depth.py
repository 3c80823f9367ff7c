depth = 0

def dive():
    global depth
    depth += 1
    dive()

try:
    dive()
except RecursionError as e:
    print("RecursionError:", e)
    print("depth reached:", depth)

d = {"a": 1}
items = [1, 2]
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    items[5]
except IndexError as e:
    print("IndexError:", e)
try:
    items.remove(9)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    items.index(7)
except ValueError as e:
    print("ValueError:", e)

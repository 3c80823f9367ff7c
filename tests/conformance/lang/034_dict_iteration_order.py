inventory = {}
inventory["pears"] = 3
inventory["apples"] = 5
inventory["figs"] = 1
for name, count in inventory.items():
    print(name, count)
del inventory["apples"]
inventory["apples"] = 9
print(list(inventory))

print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]))
flags = [True, False, True]
print(sum(flags), flags.count(True))
print(bool([]), bool({}), bool("0"))

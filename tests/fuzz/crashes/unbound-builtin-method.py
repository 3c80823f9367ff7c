# Same class as unbound-native-method.py, on a builtin type. CPython:
# TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'NoneType' object
list.append(None, 1)

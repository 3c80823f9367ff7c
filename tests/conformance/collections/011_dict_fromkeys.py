print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
try:
    dict.fromkeys([[1]])
except TypeError as e:
    print(e)

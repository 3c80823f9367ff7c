# expect-line: 4
x = 5
print(x)
else:
    print("no if")

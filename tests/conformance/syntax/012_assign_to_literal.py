# expect-line: 3
value = 1
1 = value

# expect-line: 3
count = 0
nonlocal count

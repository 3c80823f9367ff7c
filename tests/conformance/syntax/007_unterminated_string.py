# expect-line: 3
print("start")
print("unterminated)
print("end")

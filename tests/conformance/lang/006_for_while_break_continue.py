for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)

n = 0
while True:
    n += 3
    if n > 10:
        break
print("n", n)

for x in []:
    pass
else:
    print("for-else ran")

k = 0
while k < 3:
    k += 1
else:
    print("while-else", k)

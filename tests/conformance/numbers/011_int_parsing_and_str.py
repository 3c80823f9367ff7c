print(int("-0042"), int("1_000"), str(-0), str(10 ** 25))
print(int(1e15), int(-7.9), int("7") + int("3"))
print(float("3.14") * 2, float(" 1.5\n"))

elapsed = 0.1 + 0.2
print("elapsed", elapsed)
print(f"elapsed {elapsed}")
print("elapsed " + str(elapsed))
print("elapsed {}".format(elapsed))
print([elapsed, 1 / 3, 2 / 3])

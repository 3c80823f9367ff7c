double = lambda x: x * 2
print(double(21))
words = ["banana", "kiwi", "apple", "fig"]
print(sorted(words, key=lambda w: len(w)))
print(sorted(words, key=lambda w: (-len(w), w)))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])

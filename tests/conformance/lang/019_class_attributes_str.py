class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.value = 0

    def __str__(self):
        return f"<Counter {self.value}>"

a = Counter()
b = Counter()
b.value = 7
print(a, b, Counter.instances)
print(str(b), [str(a)])

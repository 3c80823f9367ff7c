class Worker:
    def __init__(self, name, speed=1):
        self.name = name
        self.speed = speed
        self.done = []

    def work(self, item):
        self.done.append(item * self.speed)
        return len(self.done)

    def __repr__(self):
        return f"Worker({self.name!r}, done={self.done})"

w = Worker("w1", speed=3)
w.work(1)
w.work(2)
print(w)
print(w.name, w.speed, len(w.done))

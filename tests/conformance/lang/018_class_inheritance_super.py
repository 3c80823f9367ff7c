class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return "woof"

d = Dog("Rex", "lab")
print(d.describe(), d.breed)
print(isinstance(d, Animal), isinstance(d, Dog), type(d).__name__)

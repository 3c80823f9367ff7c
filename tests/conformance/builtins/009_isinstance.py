class Base:
    pass

class Child(Base):
    pass

c = Child()
print(isinstance(c, Base), isinstance(c, Child), isinstance(Base(), Child))
print(isinstance(3, int), isinstance(3, float), isinstance(3.0, (int, float)))
print(isinstance(True, int), isinstance("s", str), isinstance(None, object))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))

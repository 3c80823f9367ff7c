# An uncaught exception whose __str__ raises: CPython prints
# "<exception str() failed>" in its place.
class Broken(Exception):
    def __str__(self):
        raise ValueError("no text")


print("before")
raise Broken("x")

def greet():
    print("hi", nmae)

greet()

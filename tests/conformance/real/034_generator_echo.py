# From the Python 3.11 documentation, reference/expressions.rst lines 608-630 (doctest); see README.md.
def echo(value=None):
    print("Execution starts when 'next()' is called for the first time.")
    try:
        while True:
            try:
                value = (yield value)
            except Exception as e:
                value = e
    finally:
        print("Don't forget to clean up when 'close()' is called.")

generator = echo(1)
print(next(generator))
print(next(generator))
print(generator.send(2))
print(repr(generator.throw(TypeError, "spam")))  # corpus: echo
generator.close()

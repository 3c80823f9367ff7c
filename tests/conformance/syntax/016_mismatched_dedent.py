# expect-line: 5
def f():
        a = 1
        if a:
      return a

checks = [
    (KeyError, LookupError), (IndexError, LookupError), (ZeroDivisionError, ArithmeticError),
    (TimeoutError, OSError), (RecursionError, RuntimeError), (ValueError, Exception),
    (Exception, BaseException), (NotImplementedError, RuntimeError),
]
for sub, base in checks:
    print(sub.__name__, base.__name__, issubclass(sub, base))

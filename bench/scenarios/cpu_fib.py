# CPU-bound: naive recursive fib and a factorial loop in pure Python.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f

print("fib(30) =", fib(30))
print("digits of 1000! =", len(str(factorial(1000))))

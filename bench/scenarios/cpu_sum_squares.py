# CPU: sum of i*i for 5,000,000 iterations (the sum passes 64 bits).
def main():
    total = 0
    for i in range(5000000):
        total += i * i
    print("sum", total)

main()

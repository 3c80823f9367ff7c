# CPU: 1,000,000 dict inserts, then 1,000,000 lookups.
def main():
    d = {}
    for i in range(1000000):
        d[i] = i + 1
    total = 0
    for i in range(1000000):
        total += d[i]
    print("entries", len(d), "total", total)

main()

# CPU: str(i) for 1,000,000 ints, then one join.
def main():
    parts = []
    for i in range(1000000):
        parts.append(str(i))
    s = ",".join(parts)
    print("length", len(s))

main()

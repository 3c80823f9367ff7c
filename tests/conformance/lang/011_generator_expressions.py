nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(n * n for n in nums))
print(max(n for n in nums if n % 2 == 0))
print(",".join(str(n) for n in nums))
print(any(n > 8 for n in nums), all(n > 0 for n in nums))
print(list(n + 1 for n in range(3)))

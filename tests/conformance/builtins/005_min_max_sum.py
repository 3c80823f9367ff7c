nums = [4, 8, 15, 16, 23, 42]
print(min(nums), max(nums), sum(nums), sum(nums, 100))
print(min(3, 1, 2), max("apple", "fig", "kiwi"), max(["a", "bbb", "cc"], key=len))
print(min([], default="empty"), sum([0.1] * 10))
print(max([(2, "b"), (2, "a"), (1, "z")]))

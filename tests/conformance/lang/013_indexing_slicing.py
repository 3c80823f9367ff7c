s = "asyncio rocks"
print(s[0], s[-1], s[3:7], s[:5], s[8:], s[::2], s[::-1])
nums = list(range(10))
print(nums[2:8:3], nums[-3:], nums[:-7])
nums[1:3] = ["a", "b", "c"]
print(nums)
del nums[0]
print(nums)
t = (1, 2, 3)
print(t[1:], t[::-1])

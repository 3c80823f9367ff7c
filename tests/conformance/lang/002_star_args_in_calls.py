def total(*nums):
    return sum(nums)

def show(a, b, c):
    print(a, b, c)

values = [1, 2, 3]
print(total(*values))
show(*values)
show(*"xyz")
print(total())
print(max(*values, 10))

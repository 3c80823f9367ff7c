# expect-line: 5
# An assignment expression cannot rebind a comprehension's loop variable.
values = [1, 2, 3]

doubled = [(x := x * 2) for x in values]
print(doubled)

def mean(values):
    assert len(values) > 0, "need at least one value"
    return sum(values) / len(values)

print(mean([1, 2, 3, 4]))
try:
    mean([])
except AssertionError as e:
    print("assertion:", e)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("bare assert:", repr(e))

scores = {"ann": 91, "bob": 78, "cy": 85}
passed = {k: v for k, v in scores.items() if v >= 80}
print(passed)
print(sorted(scores, key=scores.get), max(scores, key=lambda k: scores[k]))
inverted = {v: k for k, v in scores.items()}
print(inverted[78])

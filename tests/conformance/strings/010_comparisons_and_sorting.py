words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower))
print("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc")
print(min(words), max(words))

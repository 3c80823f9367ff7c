# A source file that is not UTF-8 (a Latin-1 byte in a string) is a
# SyntaxError before anything runs.
print("never printed")
name = "café"
print(name)

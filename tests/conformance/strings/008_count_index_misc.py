s = "mississippi"
print(s.count("ss"), s.count("i"), s.index("s"), s.rfind("s"))
print(s.capitalize(), "hello world".title(), s.isalpha(), "123".isdigit())
print("ab".center(6, "*"), "7".zfill(3), "x".ljust(3) + "|", "x".rjust(3))
print(s.partition("ss"), s.split("ss"))

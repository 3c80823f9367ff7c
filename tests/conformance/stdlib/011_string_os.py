# string constants and os constants (os.getpid and the like: see tests/lang).
import os
import string

print(string.ascii_letters)
print(string.digits, string.hexdigits, string.punctuation)
print(string.capwords("hello async world"))
print(os.name, os.sep, repr(os.linesep))
code = "".join(c for c in "a1-B2_c3" if c in string.ascii_letters + string.digits)
print(code)

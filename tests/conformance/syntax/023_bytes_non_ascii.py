# expect-line: 4
# A bytes literal may only hold ASCII characters.
greeting = b'hello'
farewell = b'adiós'
print(greeting, farewell)

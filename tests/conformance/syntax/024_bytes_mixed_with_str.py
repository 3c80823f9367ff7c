# expect-line: 3
# Adjacent bytes and str literals cannot be joined.
header = b'Content-Type: ' 'text/plain'
print(header)

text = """first line
second line"""
print(text)
print("tab\tsep", "back\\slash", 'single \'quoted\'', "unicode: é ñ ✓")
print(len("é✓"), "é✓".upper())
raw = r"C:\new\table"
print(raw)

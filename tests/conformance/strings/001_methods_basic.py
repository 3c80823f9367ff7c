s = "  Hello, Asyncio World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
t = s.strip()
print(t.upper(), t.lower())
print(t.replace("o", "0"), t.replace("l", "L", 2))
print(t.startswith("Hello"), t.endswith("World"), t.startswith(("x", "H")))
print(t.find("Asyncio"), t.find("zzz"), t.find("o", 5))

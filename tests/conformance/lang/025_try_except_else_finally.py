def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        print("bad:", e)
        return None
    else:
        print("parsed", value)
        return value
    finally:
        print("finally for", repr(text))

print(parse("42"))
print(parse("x1"))

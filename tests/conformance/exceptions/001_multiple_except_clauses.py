def risky(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "key":
        raise KeyError("k")
    if kind == "type":
        raise TypeError("bad type")
    return "fine"

for kind in ["value", "key", "type", "none"]:
    try:
        print(risky(kind))
    except (ValueError, TypeError) as e:
        print("value-or-type:", type(e).__name__, e)
    except KeyError as e:
        print("key:", e, repr(e))

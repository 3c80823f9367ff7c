try:
    try:
        int("abc")
    except ValueError:
        raise RuntimeError("conversion failed")
except RuntimeError as e:
    print(e, "| context:", type(e.__context__).__name__, e.__context__)
    print("cause:", e.__cause__)

try:
    try:
        {}["x"]
    except KeyError:
        raise ValueError("replaced") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)

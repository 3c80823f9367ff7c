def step():
    raise RuntimeError("step failed")

try:
    try:
        step()
    except:
        print("bare except caught it, re-raising")
        raise
except RuntimeError as e:
    print("outer caught:", e)

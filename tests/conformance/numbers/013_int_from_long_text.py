# int() of a long text: CPython 3.11's 4,300-digit limit on decimal
# conversion (both ways), its base checks, and the invalid-literal message
# that quotes at most 200 characters of the text.
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r if isinstance(r, int) and r < 10**20 else len(str(r)) if isinstance(r, int) else r)
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)

attempt("4300 nines", lambda: int("9" * 4300) % 1000)
attempt("4301 nines", lambda: int("9" * 4301))
attempt("100000 nines", lambda: int("9" * 100000))
attempt("with underscores", lambda: int("1_000_000"))
attempt("hex beyond the limit", lambda: int("f" * 5000, 16) % 1000)
attempt("base 7 beyond the limit", lambda: int("6" * 5000, 7))
attempt("bad base 1", lambda: int("1", 1))
attempt("bad base 37", lambda: int("1", 37))
attempt("base 0 prefix", lambda: int("0x1f", 0))
attempt("long junk", lambda: int("x" * 500))
attempt("long junk, non-ASCII", lambda: int("é" * 300))
attempt("str of a big int", lambda: str(10 ** 5000))
attempt("repr of a big int", lambda: repr(-(10 ** 4300)))

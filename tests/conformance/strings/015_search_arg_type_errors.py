# The TypeError of a str search method given a non-str argument, as CPython
# words it (the message once repeated "must be str").
def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, "TypeError", e)

attempt("count", lambda: "a1".count(1))
attempt("find", lambda: "a1".find(1))
attempt("rfind", lambda: "a1".rfind(None))
attempt("index", lambda: "a1".index(2.5))
attempt("rindex", lambda: "a1".rindex([]))
attempt("partition", lambda: "a1".partition(1))
attempt("rpartition", lambda: "a1".rpartition(1))
attempt("count ok", lambda: "banana".count("an"))

# textwrap: wrapping task reports; hyphens, em-dashes, long words,
# max_lines/placeholder, shorten, dedent and indent as CPython's.
import asyncio
import textwrap

TEXT = ("The event loop runs one task at a time: a well-known fact that co-routine "
        "authors--and everyone else--learn early. Tasks wait. Others run! Long URLs like "
        "https://example.com/a-very-long-path-that-never-ends-at-all break, and so do "
        "super-duper-long-hyphenated-compound-words; numbers 1-2-3 and e-mail, x-y, ab-c, a-b-c-d stay.")


async def report(name, width, delay):
    await asyncio.sleep(delay)
    print(f"--- {name} width={width}")
    for line in textwrap.wrap(TEXT, width):
        print(repr(line))


async def main():
    await asyncio.gather(report("narrow", 18, 0.2), report("wide", 50, 0.1))
    print(textwrap.fill(TEXT, 30, initial_indent="* ", subsequent_indent="  "))
    print(textwrap.wrap(TEXT, 25, break_on_hyphens=False)[:6])
    print(textwrap.wrap(TEXT, 12, break_long_words=False)[8:14])
    print(textwrap.wrap("tab\there\tand\tthere  spaces\nnewline", 12))
    print(textwrap.wrap("tab\there", 20, expand_tabs=False, replace_whitespace=False))
    print(textwrap.wrap("tab\there  x", 20, tabsize=4, drop_whitespace=False))
    print(textwrap.wrap("  leading and trailing  ", 10), textwrap.wrap("", 10), textwrap.wrap("   ", 10))
    print(textwrap.fill("Hello there. How are you? Fine! ok.", 80, fix_sentence_endings=True))
    for n in (1, 2, 3):
        print(textwrap.wrap(TEXT, 20, max_lines=n))
    print(textwrap.wrap(TEXT, 20, max_lines=2, placeholder="..."))
    print(textwrap.shorten("Hello  world!  This   is a test", width=12))
    print(textwrap.shorten("Hello world!", width=11), textwrap.shorten("Hello world!", width=12))
    print(textwrap.shorten(TEXT, 40, placeholder=" (more)"))
    print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz", 7), textwrap.wrap("a-b-c-d-e-f-g-h-i", 4))
    print(textwrap.wrap("---- -- a--b --c d-- e---f", 3), textwrap.wrap("one-two-three", 5))
    w = textwrap.TextWrapper(width=15, subsequent_indent="> ")
    print(w.wrap("pretend this is a quoted email message body"), w.fill("short"))
    doc = """
        def f():
            return 1

          odd
        \tx
    """
    print(repr(textwrap.dedent(doc)))
    print(repr(textwrap.dedent("  a\n    b\n  \n   c\n")), repr(textwrap.dedent("no\n  indent")))
    print(repr(textwrap.dedent("\t\ta\n\t  b")), repr(textwrap.dedent("    \n  x\n")))
    print(repr(textwrap.indent("a\n\nb\n  \nc", "> ")))
    print(repr(textwrap.indent("a\nb\n", "+ ", lambda line: True)))
    print(repr(textwrap.indent("x\r\ny\n", "  ")))
    for bad in [lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("x y", 3, max_lines=1, placeholder=" [....]")]:
        try:
            bad()
        except ValueError as e:
            print("ValueError", e)


asyncio.run(main())

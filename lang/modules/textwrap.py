# textwrap: TextWrapper, wrap, fill, shorten, dedent, indent as CPython 3.11
# behaves. CPython splits text with regular expressions (corolab has no re);
# the same splitting is written out by hand in _split_word.

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _is_word(c):  # \w
    return c.isalnum() or c == '_'


def _is_letter(c):  # [^\d\W]
    return _is_word(c) and not c.isdigit()


def _is_word_punct(c):  # [\w!"'&.,?]
    return _is_word(c) or c in '!"\'&.,?'


def _at(text, i):
    return text[i] if 0 <= i < len(text) else ''


def _letter_at(text, i):
    return _is_letter(_at(text, i))


# A hyphen at text[j] ends a chunk when two letters, or letter-hyphen-letter,
# come before it and a letter, an optional hyphen and a letter after it.
def _hyphen_breaks(text, j):
    before = (_letter_at(text, j - 2) and _letter_at(text, j - 1)) or \
             (_letter_at(text, j - 3) and _at(text, j - 2) == '-' and _letter_at(text, j - 1))
    if not before or not _letter_at(text, j + 1):
        return False
    return _letter_at(text, j + 2) or (_at(text, j + 2) == '-' and _letter_at(text, j + 3))


# The end of the run of two or more '-' starting at text[i] when a word
# character follows it, else -1 (an em-dash).
def _em_dash_end(text, i):
    k = i
    while k < len(text) and text[k] == '-':
        k += 1
    if k - i >= 2 and k < len(text) and _is_word(text[k]):
        return k
    return -1


# The chunks of text[start:end], a run without whitespace, as CPython's
# wordsep_re cuts it: at hyphens inside words and around em-dashes.
def _split_word(text, start, end, chunks):
    pos = start
    while pos < end:
        if text[pos] == '-' and _is_word_punct(_at(text, pos - 1)):
            k = _em_dash_end(text, pos)
            if k >= 0:
                chunks.append(text[pos:k])
                pos = k
                continue
        j = pos + 1
        while True:
            if j < end and text[j] == '-' and _hyphen_breaks(text, j):
                j += 1
                break
            if j == end:
                break
            if _is_word_punct(text[j - 1]) and text[j] == '-' and _em_dash_end(text, j) >= 0:
                break
            j += 1
        chunks.append(text[pos:j])
        pos = j


# str.expandtabs (which corolab's str lacks): columns restart after \n, \r.
def _expandtabs(text, tabsize):
    out = []
    col = 0
    for c in text:
        if c == '\t':
            if tabsize > 0:
                n = tabsize - col % tabsize
                out.append(' ' * n)
                col += n
        else:
            out.append(c)
            col = 0 if c in '\n\r' else col + 1
    return ''.join(out)


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = _expandtabs(text, self.tabsize)
        if self.replace_whitespace:
            text = ''.join(' ' if c in _whitespace else c for c in text)
        return text

    # Whitespace runs and words (cut at hyphens with break_on_hyphens).
    def _split(self, text):
        chunks = []
        i = 0
        n = len(text)
        while i < n:
            j = i
            is_ws = text[i] in _whitespace
            while j < n and (text[j] in _whitespace) == is_ws:
                j += 1
            if is_ws or not self.break_on_hyphens:
                chunks.append(text[i:j])
            else:
                _split_word(text, i, j, chunks)
            i = j
        return chunks

    # Two spaces after a sentence end: a lowercase letter, then . ! or ?,
    # maybe a closing quote.
    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            c = chunks[i]
            if chunks[i + 1] == " " and self._sentence_end(c):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _sentence_end(self, c):
        if c[-1:] in '"\'' and c:
            c = c[:-1]
        return len(c) >= 2 and c[-1] in '.!?' and 'a' <= c[-2] <= 'z'

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines
                        or (not chunks or self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                        and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                    continue
                # max_lines reached: end with the placeholder
                while cur_line:
                    if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                        cur_line.append(self.placeholder)
                        lines.append(indent + ''.join(cur_line))
                        return lines
                    cur_len -= len(cur_line[-1])
                    del cur_line[-1]
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        return lines
                lines.append(indent + self.placeholder.lstrip())
                return lines
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    lines = text.split('\n')
    margin = None
    for i, line in enumerate(lines):
        content = line.lstrip(' \t')
        if not content:
            if line:
                lines[i] = ''  # whitespace-only lines are emptied
            continue
        indent = line[:len(line) - len(content)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for k, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:k]
                    break
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))

# A misspelt import gets CPython's own error ("No module named ..."), not
# corolab's "not supported" (which is for the stdlib modules it lacks).
try:
    import asyncoi
except ModuleNotFoundError as e:
    print(type(e).__name__, e)

try:
    from colections import deque
except ImportError as e:
    print(type(e).__name__, e)

try:
    import dataclass
except ModuleNotFoundError as e:
    print(type(e).__name__, e)

import asyncoi

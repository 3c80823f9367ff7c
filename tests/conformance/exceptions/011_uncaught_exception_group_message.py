raise ExceptionGroup("two failures", [ValueError("a"), ValueError("b")])

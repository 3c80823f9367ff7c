config = {"name": "demo", "tags": ["a", "b"], "limits": {"cpu": 2, "mem": 1.5}, "on": True, "x": None}
print(config)
print([(1, "a"), [2.0, None], {"k": (3,)}])
print(("single",), (), [[]], {})
print(str(config["tags"]), repr("multi\nline"), "tab\there")

class ConfigError(Exception):
    pass

def load(key):
    settings = {"port": 8080}
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key}") from e

try:
    load("host")
except ConfigError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)

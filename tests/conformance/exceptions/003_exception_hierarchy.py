class AppError(Exception):
    pass

class NetworkError(AppError):
    def __init__(self, host, code):
        super().__init__(f"{host} answered {code}")
        self.host = host
        self.code = code

class RetryableError(NetworkError):
    pass

for exc in [RetryableError("a.example", 503), NetworkError("b.example", 404), AppError("generic")]:
    try:
        raise exc
    except RetryableError as e:
        print("retry", e.host, e.code)
    except NetworkError as e:
        print("network", e)
    except AppError as e:
        print("app", e, e.args)

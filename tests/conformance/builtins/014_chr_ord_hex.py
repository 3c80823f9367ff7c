print(ord("A"), chr(97), chr(ord("a") + 25))
print(hex(255), bin(10), oct(8))
print(str(12345)[::-1], int("1010", 2))

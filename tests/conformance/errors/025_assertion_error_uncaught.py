def check(balance):
    assert balance >= 0, f"negative balance: {balance}"
    print("balance ok", balance)

check(10)
check(-5)

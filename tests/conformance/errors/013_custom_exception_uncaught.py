class PaymentError(Exception):
    def __init__(self, amount):
        super().__init__(f"cannot pay {amount}")
        self.amount = amount

def pay(amount):
    if amount > 100:
        raise PaymentError(amount)
    print("paid", amount)

pay(50)
pay(500)

class InsufficientFunds(Exception):
    def __init__(self, amount):
        super().__init__(f"need {amount}")
        self.amount = amount
raise InsufficientFunds(5)

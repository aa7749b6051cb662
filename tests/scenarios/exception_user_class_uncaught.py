# An uncaught exception of a class of the script: the traceback's last line
# names the class (with its module before 3.11) and its str().
import sys, gc


class InsufficientFunds(Exception):
    def __init__(self, amount):
        super().__init__(f"need {amount}")
        self.amount = amount


gc.collect()
try:
    raise InsufficientFunds(1)
except InsufficientFunds as e:
    print(e, e.amount)
print("before")
raise InsufficientFunds(5)

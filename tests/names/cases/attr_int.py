x = 5
x.bitlength()

x = 5
x.bitlength = 1

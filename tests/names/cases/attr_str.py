"abc".uper()

print("sargs")

for text in ["12", "7", "seven"]:
    print(int(text) * 2)

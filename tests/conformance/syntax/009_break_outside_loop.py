# expect-line: 4
def stop():
    print("stopping")
    break

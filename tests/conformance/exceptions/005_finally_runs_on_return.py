def work():
    try:
        print("working")
        return "result"
    finally:
        print("finally before return")

print(work())

def loop_with_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)

loop_with_finally()

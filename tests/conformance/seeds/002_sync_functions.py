import time

def fun1(x:int):
    print(f"Function 1 result {x**2}, wait ...")
    time.sleep(3)
    print("Function 1 finished")

def fun2(x:float):
    print(f"Function 2 result {x**.05}, wait ...")
    time.sleep(3)
    print("Function 2 finished")

def main():
    fun1(4)
    fun2(4)

print(time.strftime("%X"))
main()
print(time.strftime("%X"))

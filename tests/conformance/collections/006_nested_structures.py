tasks = [{"id": i, "deps": [j for j in range(i)]} for i in range(3)]
print(tasks)
tasks[2]["deps"].append(99)
print(tasks[2], tasks[-1]["deps"][-1])
matrix = [[0] * 3 for _ in range(2)]
matrix[0][1] = 7
print(matrix)

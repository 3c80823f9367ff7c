class Job:
    def __init__(self):
        self.name = "j"

job = Job()
print(job.name)
job.run()

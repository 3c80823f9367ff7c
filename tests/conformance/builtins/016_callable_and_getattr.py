class Job:
    status = "new"

    def run(self):
        return "ran"

job = Job()
print(getattr(job, "status"), getattr(job, "missing", "default"))
setattr(job, "status", "done")
print(job.status, hasattr(job, "run"), hasattr(job, "nope"))
print(callable(job.run), callable(job.status))

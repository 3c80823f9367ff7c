# @dataclass job records printed, ordered and converted.
import asyncio
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import Optional


@dataclass
class Job:
    id: int
    name: str
    duration: float = 1.0
    result: Optional[str] = None
    log: list[str] = field(default_factory=list)


@dataclass(order=True, frozen=True)
class Ticket:
    priority: int
    job_id: int = field(compare=False)


async def run(job: Job) -> Job:
    job.log.append("start")
    await asyncio.sleep(job.duration)
    job.result = f"{job.name} ok"
    job.log.append("end")
    return job


async def main():
    jobs = [Job(1, "fetch", 0.5), Job(2, "parse"), Job(id=3, name="store", duration=0.2)]
    print(jobs[0])
    done = await asyncio.gather(*(run(j) for j in jobs))
    for j in done:
        print(j)
    print(asdict(done[2]))
    print(astuple(done[0]), [f.name for f in fields(Job)])
    print(replace(done[1], name="parse2", log=[]), done[0] == Job(1, "fetch", 0.5, "fetch ok", ["start", "end"]))
    tickets = sorted([Ticket(3, 1), Ticket(1, 2), Ticket(2, 3)])
    print(tickets, Ticket(1, 9) == Ticket(1, 2))
    try:
        tickets[0].priority = 0
    except FrozenInstanceError as e:
        print("FrozenInstanceError:", e)
    try:
        Job(4)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())

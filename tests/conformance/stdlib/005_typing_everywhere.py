# typing annotations everywhere: accepted and ignored at run time.
from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Dict, Generic, List, Optional, Tuple, TypeVar, Union, cast

T = TypeVar("T")
Handler = Callable[..., Awaitable[int]]


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item: T = item

    def get(self) -> T:
        return self.item


async def compute(x: int, delay: float = 0.5) -> int:
    await asyncio.sleep(delay)
    return x * x


async def run_all(handlers: List[Handler], values: list[int]) -> Dict[str, int]:
    results: dict[str, int] = {}
    for handler, value in zip(handlers, values):
        results[f"{handler.__name__}({value})"] = await handler(value)
    return results


def describe(value: Optional[Union[int, str]] = None) -> str:
    return "nothing" if value is None else f"got {value!r}"


async def main() -> None:
    pair: Tuple[int, str] = (1, "one")
    data: Any = cast(List[int], [1, 2])
    box: Box[str] = Box("hello")
    print(pair, data, box.get(), describe(), describe(3))
    print(await run_all([compute, compute], [3, 4]))
    print(Optional[int], T, Callable)


asyncio.run(main())

# expect-line: 5
# An unparenthesized assignment expression is not a statement.
import asyncio

count := 10
print(count)

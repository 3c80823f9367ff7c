# From the Python 3.11 documentation, library/dataclasses.rst lines 22-32 (with a driver); see README.md.
from dataclasses import dataclass

@dataclass
class InventoryItem:
    """Class for keeping track of an item in inventory."""
    name: str
    unit_price: float
    quantity_on_hand: int = 0

    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand

item = InventoryItem('widget', 3.0, 10)  # corpus: driver
print(item)  # corpus: driver
print(item.total_cost())  # corpus: driver
print(item == InventoryItem('widget', 3.0, 10), InventoryItem('gadget', 1.5))  # corpus: driver

def area(w, h):
    """Return the area of a rectangle."""
    # multiply width by height
    return w * h  # trailing comment

print(area(3, 4))
print(area.__doc__)

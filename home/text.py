def printable(text, max_length=None):
    """What a person typed into a search box, without control characters (a NUL character breaks
    the database query), trimmed."""
    cleaned = "".join(char for char in text if char.isprintable()).strip()
    return cleaned[:max_length] if max_length else cleaned

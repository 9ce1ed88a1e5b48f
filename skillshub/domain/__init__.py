"""Pure domain logic: no Django, no web, no ORM."""

"""`lkjip serve`: the staff page in the browser."""

from .app import create_app

__all__ = ["create_app"]

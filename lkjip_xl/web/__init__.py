"""`lkjip serve`: the staff page in the browser."""

from lkjip_xl.web.app import create_app

__all__ = ["create_app"]

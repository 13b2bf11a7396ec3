"""The web app and JSON API (``newsledger serve``)."""

from newsledger.publish.web.app import create_app

__all__ = ["create_app"]

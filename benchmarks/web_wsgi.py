"""The WSGI application gunicorn serves in the web benchmark.

``/bench/bare/`` goes to a Django handler with no middleware at all, which resolves the
same URLconf and calls the same empty view as ``/bench/empty/``; everything else goes to
the site's usual application. The two empty responses have the same body, so their
difference in throughput is what the middleware stack costs.
"""

import os

from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.web_settings")

BARE_PATH = "/bench/bare/"


class BareHandler(WSGIHandler):
    """Django's WSGI handler as it would be with MIDDLEWARE = []."""

    def load_middleware(self, is_async=False):
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        self._middleware_chain = convert_exception_to_response(self._get_response)


site = get_wsgi_application()  # sets Django up first
bare = BareHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == BARE_PATH:
        return bare(environ, start_response)
    return site(environ, start_response)

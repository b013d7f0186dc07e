"""Every web page the service serves: the H5 chat, the hotline console, the admin page and its dashboard.

One folder each, served by ``pages.py``; ``docs_page.py`` is the Swagger UI at ``/docs``.
"""

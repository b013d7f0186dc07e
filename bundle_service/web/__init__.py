"""Web pages the bundle service serves (the H5 chat; later the hotline console and the admin page)."""

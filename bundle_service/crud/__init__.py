"""Database reads and writes, one module per table group."""

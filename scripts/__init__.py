"""Developer tools: process supervisor, terminal chat, NLU evaluation, benchmarks."""

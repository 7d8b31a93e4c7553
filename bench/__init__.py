"""Benchmarks: run directly, they print their figures (timings never live in tests)."""

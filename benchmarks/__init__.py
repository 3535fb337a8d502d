"""Benchmarks that run against real local services; see README.md here."""

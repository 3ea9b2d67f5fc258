"""Evaluation harnesses that measure pantau components against public benchmarks."""

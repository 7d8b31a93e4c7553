"""Gongkai domain services: plain Python, no Qt widgets."""

"""Facilitator: run IOP groups, keep attendance, write notes, print handouts."""

__version__ = "0.1.0"

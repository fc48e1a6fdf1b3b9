"""Facilitator's Qt-free core: curricula, time, rotation, notes rules and print models.

Nothing in this package imports PySide6 or SQLModel; a test keeps that true.
"""

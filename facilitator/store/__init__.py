"""Persistence: SQLModel tables, engine creation, Alembic migrations and services.

Imports flow one way: ``store`` may import ``core``; nothing here imports PySide6.
"""

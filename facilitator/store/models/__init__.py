"""Every table, one module per area; importing this package registers them all.

The tables are split by area (settings, runs, roster, ...) rather than kept in one file so
that each area's columns sit beside each other and migrations can name their area.
"""

from .accounts import UserAccount
from .audit import AuditEntry, AuditHead
from .base import utcnow
from .settings import ClinicSetting

__all__ = ["AuditEntry", "AuditHead", "ClinicSetting", "UserAccount", "utcnow"]

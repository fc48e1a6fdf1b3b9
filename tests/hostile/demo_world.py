"""The demo clinic with the demo facilitator's own and hidden participants, for the hostile tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from facilitator.backend import Backend, open_backend
from facilitator.config import AppConfig


@dataclass
class Demo:
    config: AppConfig
    backend: Backend
    mine: str  # record number of a participant in one of the demo facilitator's groups
    hidden: str  # record number of a participant in none of them
    facilitator_groups: set[int]

    def argv(self, *args: str) -> list[str]:
        return ["--data-dir", str(self.config.data_dir), "--log-dir", str(self.config.log_dir), *args]


def build_demo(folder: Path) -> Demo:
    from facilitator.demo import seed_demo, sign_in_demo_user

    config = AppConfig.build(data_dir=folder / "data", log_dir=folder / "logs", environ={})
    backend = open_backend(config)
    seed_demo(backend)
    sign_in_demo_user(backend)
    backend.sign_out()
    with backend.engine.connect() as conn:
        staff = conn.execute(sa.text("SELECT staff_id FROM user_account WHERE username = 'facilitator'")).scalar_one()
        groups = set(conn.execute(sa.text("SELECT group_id FROM group_staff WHERE staff_id = :s"), {"s": staff}).scalars())
        enrolled = conn.execute(sa.text("SELECT participant_id, group_id FROM enrollment")).all()
        people = dict(conn.execute(sa.text("SELECT id, record_number FROM participant")).all())
    mine_ids = {p for p, g in enrolled if g in groups}
    hidden = next(people[p] for p in sorted(people) if p not in mine_ids)
    mine = people[min(mine_ids)]
    return Demo(config, backend, mine, hidden, groups)

"""Use case: an org's own categorisation rules (they win over the default taxonomy's)."""

from __future__ import annotations

from uuid import UUID, uuid4

from cypheredge.kit.db import Database
from cypheredge.reporter.domain.categories import Rule
from cypheredge.reporter.infra import repository as repo


async def add_rule(db: Database, org_id: UUID, rule: Rule) -> UUID:
    """Store a validated rule for ``org_id``; reports built from now on apply it."""
    rule_id = uuid4()
    async with db.tenant(org_id) as session:
        await repo.insert_rule(
            session,
            rule_id,
            org_id,
            category=rule.category,
            keywords=list(rule.keywords),
            pattern=rule.pattern,
            direction=rule.direction,
            priority=rule.priority,
        )
    return rule_id


async def list_rules(db: Database, org_id: UUID) -> list[Rule]:
    async with db.tenant(org_id) as session:
        return [Rule.from_json(raw) for raw in await repo.org_rules(session)]

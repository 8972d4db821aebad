"""The domain model (SQLAlchemy 2 typed ORM)."""

from core.models.base import Base
from core.models.changes import ChangeEntry, StoreMeta
from core.models.knowledge import Article, ArticleLink, Rating
from core.models.reference import (
    Calendar,
    Category,
    Organisation,
    Site,
    Supplier,
    Team,
    User,
    user_sites,
    user_teams,
)
from core.models.tickets import (
    DONE_STATUSES,
    OPEN_STATUSES,
    REPLICATED_FIELDS,
    Attachment,
    Comment,
    Conflict,
    HistoryEvent,
    Ticket,
    TicketClock,
    TicketLink,
    WorkLog,
)

__all__ = [
    "Article", "ArticleLink", "Rating",
    "Attachment", "Base", "Calendar", "Category", "ChangeEntry", "Comment", "Conflict", "DONE_STATUSES", "HistoryEvent",
    "OPEN_STATUSES", "Organisation", "REPLICATED_FIELDS", "Site", "StoreMeta", "Supplier", "Team",
    "Ticket", "TicketClock", "TicketLink", "User", "WorkLog", "user_sites", "user_teams",
]

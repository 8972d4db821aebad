from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel


class DeviceOut(BaseModel):
    id: uuid.UUID
    name: str
    site: str
    registered_by: str
    registered_at: datetime
    last_login_at: datetime
    last_user: str

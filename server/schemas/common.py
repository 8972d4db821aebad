"""What every endpoint shares: the error answer and the base of request bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class Body(BaseModel):
    """A request body: unknown fields are refused, not ignored."""

    model_config = ConfigDict(extra="forbid")


class Problem(BaseModel):
    loc: str = Field(description="where in the request, e.g. 'body.device.site' or 'query.limit'")
    message: str


class ErrorOut(BaseModel):
    detail: str = Field(description="what is wrong, in one sentence a person can act on")
    problems: list[Problem] = Field(default_factory=list, description="each problem of a refused request")


Code = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
Username = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=100, pattern=r"^\w[\w.@+-]*$")]

"""The answer of GET /reports/kpis: DESIGN §14's figures per group and in total."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class KpiFigures(BaseModel):
    """One group's figures (core.reports.kpis defines each); null where nothing was measured."""

    model_config = ConfigDict(extra="forbid")

    tickets: int
    resolved: int
    frt_median_s: int | None
    mttr_s: int | None
    mttr_wall_s: int | None
    response_met_pct: float | None
    resolution_met_pct: float | None
    ola_response_met_pct: float | None
    ola_resolution_met_pct: float | None
    supplier_response_met_pct: float | None
    supplier_resolution_met_pct: float | None
    fcr_pct: float | None
    reopen_pct: float | None
    repeat_pct: float | None
    backlog: int
    backlog_lt_1d: int
    backlog_1_3d: int
    backlog_3_7d: int
    backlog_gt_7d: int
    csat_avg: float | None = Field(description="the mean satisfaction score; null when nobody rated")
    csat_count: int
    effort_avg: float | None = Field(default=None, description="the mean effort score; null when none was given")


class KpiRow(KpiFigures):
    group: str = Field(description="the site code, region, country, team code, category path, username or "
                                   "Monday (YYYY-MM-DD) of the week, supplier code; '-' for none")


class KpiReportOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: str = Field(alias="from", description="first day, YYYY-MM-DD (UTC)")
    to: str = Field(description="last day, included")
    by: str
    rows: list[KpiRow] = Field(description="this page of the groups, sorted by group")
    total: KpiFigures = Field(description="every ticket of the period once, whatever the page")
    count: int = Field(description="how many groups there are in all")
    skip: int
    limit: int

"""Chat channels ([[channels.webhook]], DESIGN §13): a notification posted to a Slack or
Microsoft Teams incoming webhook in the payload each documents, or as plain JSON for
anything else, with urllib (no HTTP library of its own on the server's side).

Slack: `text` (the notification's fallback) and Block Kit `blocks`. Teams: a message
holding one Adaptive Card (what Teams' Workflows webhooks and the older connectors
both take). JSON: the event and the ticket's fields. Chat posts are in English."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from typing import Any

from server import notice_texts as texts
from server.notice_data import Notice, Outcome

TIMEOUT = 10.0  # seconds to connect and for the answer


def _summary(notice: Notice) -> str:
    return f"{texts.headline(notice.reason, 'en')}: {notice.number} {notice.title}"


def _facts(notice: Notice) -> list[tuple[str, str]]:
    facts = [("Priority", notice.priority), ("Site", f"{notice.site_code} {notice.site_name}"),
             ("Status", texts.status_word(notice.status, "en"))]
    if notice.team:
        facts.append(("Team", notice.team))
    return facts


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_payload(notice: Notice) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _summary(notice)[:150], "emoji": False}},
    ]
    if notice.note:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _slack_escape(notice.note)[:3000]}})
    blocks.append({"type": "section", "fields": [
        {"type": "mrkdwn", "text": f"*{label}*\n{_slack_escape(value)}"} for label, value in _facts(notice)]})
    return {"text": _slack_escape(_summary(notice)), "blocks": blocks}


def teams_payload(notice: Notice) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": _summary(notice), "weight": "Bolder", "size": "Medium", "wrap": True},
    ]
    if notice.note:
        body.append({"type": "TextBlock", "text": notice.note, "wrap": True})
    body.append({"type": "FactSet", "facts": [{"title": label, "value": value} for label, value in _facts(notice)]})
    card = {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
            "version": "1.4", "body": body}
    return {"type": "message", "summary": _summary(notice), "attachments": [
        {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}]}


def json_payload(notice: Notice) -> dict[str, Any]:
    return {
        "event": notice.reason, "event_id": str(notice.event_id), "notification_id": str(notice.notification_id),
        "occurred_at": notice.occurred_at.isoformat().replace("+00:00", "Z"), "summary": _summary(notice),
        "note": notice.note,
        "ticket": {"id": str(notice.ticket_id), "number": notice.number, "title": notice.title,
                   "priority": notice.priority, "status": notice.status, "site": notice.site_code,
                   "site_name": notice.site_name, "team": notice.team},
    }


PAYLOADS = {"slack": slack_payload, "teams": teams_payload, "json": json_payload}


def post(url: str, kind: str, notice: Notice, timeout: float = TIMEOUT) -> Outcome:
    """2xx: sent; 429 and 5xx: try later; any other 4xx: refused for good; nothing
    reached (no such host, connection refused): unreachable."""
    data = json.dumps(PAYLOADS[kind](notice), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": "Branchdesk"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            status = answer.status
    except urllib.error.HTTPError as exc:
        status = exc.code
        reason = f"the webhook answered {exc.code} {exc.reason}"
        exc.close()
        if status == 429 or status >= 500:
            return Outcome.retry(reason)
        return Outcome.refused(reason)
    except urllib.error.URLError as exc:
        cause = exc.reason
        if isinstance(cause, ConnectionRefusedError | socket.gaierror):
            return Outcome.unreachable(f"cannot reach the webhook: {cause}")
        return Outcome.retry(f"posting to the webhook failed: {cause}")
    except (TimeoutError, OSError) as exc:  # a timeout or a reset after the request went out
        return Outcome.retry(f"posting to the webhook failed: {exc or type(exc).__name__}")
    if 200 <= status < 300:
        return Outcome.sent()
    return Outcome.refused(f"the webhook answered {status}")

"""A mail to the desk read into what a ticket needs: a title, a text, attachments, and
the ticket numbers its subject names. Standard library only (`email` with the
default policy). A message that cannot be read whole raises Unreadable: one with
no headers at all, a multipart message without its boundaries, a part whose text
is in an unknown character set or whose base64 is broken. Nothing of it is kept."""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from email import errors, policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

from core.blobs import MAX_ATTACHMENT_BYTES
from core.services.attachments import NAME_MAX
from server.html_text import html_to_text

# Defects after which the parts read are not the parts sent.
BROKEN = (
    errors.StartBoundaryNotFoundDefect, errors.NoBoundaryInMultipartDefect,
    errors.MultipartInvariantViolationDefect, errors.CloseBoundaryNotFoundDefect,
    errors.InvalidBase64CharactersDefect, errors.InvalidBase64PaddingDefect, errors.InvalidBase64LengthDefect,
)
# A ticket number: site code, device code, sequence (core.services.tickets._number).
NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*-[A-Za-z0-9]+-\d{5,}")
# Where a reply's quote of the earlier mail begins (English and Polish mail clients).
QUOTE_START = re.compile(
    r"^(On .+ wrote:|W dniu .+ (pisze|napisał\(a\)|napisał|napisała):|-+ ?Original Message ?-+|"
    r"-+ ?Wiadomość oryginalna ?-+|From: .+|Od: .+)\s*$"
)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class Unreadable(Exception):
    """The message cannot be read whole; the reason is for the sender and the log."""


class TooLarge(Exception):
    """An attachment is larger than an attachment may be."""


@dataclass(frozen=True)
class Incoming:
    subject: str
    text: str
    attachments: tuple[tuple[str, bytes], ...]

    def numbers(self) -> list[str]:
        """Every ticket number the subject may hold, in order: for a match such as
        'Ticket-PL-WAW-002-SRV00-00001', also the shorter tails of it."""
        found: list[str] = []
        for match in NUMBER.finditer(self.subject):
            text = match.group(0)
            found.append(text)
            found += [text[i + 1:] for i, ch in enumerate(text) if ch in "-_." and NUMBER.fullmatch(text[i + 1:])]
        return list(dict.fromkeys(found))


def read_message(content: bytes) -> Incoming:
    message = BytesParser(policy=policy.default).parsebytes(content)
    if not message.keys():
        raise Unreadable("it has no headers; send a mail message (RFC 5322)")
    for part in message.walk():
        broken = [d for d in part.defects if isinstance(d, BROKEN)]
        if broken:
            raise Unreadable(f"its structure is broken ({type(broken[0]).__name__})")
    assert isinstance(message, EmailMessage)
    subject = " ".join(str(message.get("subject", "")).split())
    try:
        text = _body(message)
        attachments = _attachments(message)
    except (LookupError, UnicodeError, ValueError, KeyError) as exc:
        raise Unreadable(f"a part cannot be decoded ({exc})") from None
    return Incoming(subject=subject, text=text, attachments=attachments)


def _body(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    content = body.get_content()
    _check_decoded(body)
    if not isinstance(content, str):
        return ""
    text = html_to_text(content) if body.get_content_type() == "text/html" else content
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def _attachments(message: EmailMessage) -> tuple[tuple[str, bytes], ...]:
    found: list[tuple[str, bytes]] = []
    names: set[str] = set()
    for index, part in enumerate(message.iter_attachments(), start=1):
        content = part.get_content()
        _check_decoded(part)
        if isinstance(content, Message):
            data, default = content.as_bytes(), f"message-{index}.eml"
        elif isinstance(content, str):
            data = content.encode(part.get_content_charset() or "utf-8", errors="replace")
            default = f"attachment-{index}{mimetypes.guess_extension(part.get_content_type()) or '.txt'}"
        else:
            data = bytes(content)
            default = f"attachment-{index}{mimetypes.guess_extension(part.get_content_type()) or '.bin'}"
        if not data:
            continue  # nothing to keep
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise TooLarge(f"attachment {part.get_filename() or default} is {len(data)} bytes; "
                           f"an attachment may be at most {MAX_ATTACHMENT_BYTES} bytes")
        name = _unique(_file_name(part.get_filename()) or default, names)
        found.append((name, data))
    return tuple(found)


def _check_decoded(part: Message) -> None:
    # get_content records base64 trouble as defects of the part as it decodes it
    broken = [d for d in part.defects if isinstance(d, BROKEN)]
    if broken:
        raise ValueError(f"{type(broken[0]).__name__} in a {part.get_content_type()} part")


def _file_name(raw: str | None) -> str:
    """A name without folders or control characters, at most NAME_MAX long (keeping
    its extension)."""
    if not raw:
        return ""
    name = CONTROL.sub("", re.split(r"[\\/]", raw)[-1]).strip().strip(".")
    if len(name) > NAME_MAX:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:NAME_MAX - len(ext) - 1] + dot + ext) if dot and len(ext) < 20 else name[:NAME_MAX]
    return name


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        stem, dot, ext = name.rpartition(".")
        candidate = f"{stem} ({n}).{ext}" if dot else f"{name} ({n})"
    taken.add(candidate)
    return candidate


def reply_text(text: str) -> str:
    """A reply without the earlier mail it quotes."""
    kept: list[str] = []
    for line in text.split("\n"):
        if QUOTE_START.match(line.strip()):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept).strip()

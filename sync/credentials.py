"""The session token lives in the OS keyring, never in a file of ours (DESIGN §8).

When no keyring backend is available the token is not kept at all: the person
is told how to get one, rather than the token landing in plain text somewhere."""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from core.errors import BranchdeskError

SERVICE = "branchdesk"


class NoKeyring(BranchdeskError):
    pass


def token_key(server: str, username: str, store_key: str) -> str:
    """One entry per store and account: two stores on one machine never share a token."""
    return f"{server.rstrip('/')}|{username}|{store_key}"


def _no_keyring(exc: Exception) -> NoKeyring:
    return NoKeyring(
        "no system keyring is available to keep the sign-in token safely "
        f"({type(exc).__name__}); install and unlock one (Secret Service, KWallet, macOS Keychain, "
        "Windows Credential Manager) or name a backend in PYTHON_KEYRING_BACKEND"
    )


def save_token(key: str, token: str) -> None:
    try:
        keyring.set_password(SERVICE, key, token)
    except (NoKeyringError, KeyringError, RuntimeError) as exc:
        raise _no_keyring(exc) from None


def load_token(key: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, key)
    except (NoKeyringError, KeyringError, RuntimeError) as exc:
        raise _no_keyring(exc) from None


def forget_token(key: str) -> None:
    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        pass
    except (NoKeyringError, KeyringError, RuntimeError) as exc:
        raise _no_keyring(exc) from None

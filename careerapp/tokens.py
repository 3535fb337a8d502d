"""Secret links that work without an account (a circle member's link, a feedback request).

The database never holds a link's token. A row keeps a random ``salt`` and the SHA-256 of
the token; the token itself is an HMAC of the salt under the site's SECRET_KEY. So:
- a copy of the database alone opens nothing (the test reads the table to prove it);
- a Celery task that takes only the row's id can write the same link into an email, and
  a task run twice writes the same link, not a second one;
- a new link is a new salt: the old token then matches no row.
Rotating SECRET_KEY ends every link, as it ends every session.
"""

from __future__ import annotations

import hashlib
import secrets

from django.utils.crypto import salted_hmac

SALT_BYTES = 24


def new_salt() -> str:
    return secrets.token_urlsafe(SALT_BYTES)


def token_for(salt: str, *, purpose: str) -> str:
    """The token of a link; ``purpose`` keeps a circle link from opening a feedback form."""
    return salted_hmac(f"careerapp.tokens.{purpose}", salt, algorithm="sha256").hexdigest()[:48]


def token_hash(token: str) -> str:
    """What the database stores and looks links up by."""
    return hashlib.sha256(token.encode()).hexdigest()


def issue(*, purpose: str) -> tuple[str, str]:
    """A new link's (salt, hash)."""
    salt = new_salt()
    return salt, token_hash(token_for(salt, purpose=purpose))


def looks_like_token(value: str) -> bool:
    """Cheap shape check before a lookup (48 lowercase hex digits)."""
    return len(value) == 48 and all(c in "0123456789abcdef" for c in value)

"""What a deployment of the service may set: limits, tokens, allowed origins."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ServiceSettings", "read_tokens"]


@dataclass(frozen=True)
class ServiceSettings:
    """Limits and access of one running service; every limit has a clear error when a request exceeds it."""

    max_body_bytes: int = 5_000_000
    """Largest request body accepted (413 beyond)."""
    max_batch_lines: int = 1_000
    """Most applications in one ``evaluate-many`` request (413 beyond)."""
    time_limit_seconds: float = 30.0
    """Longest a request may take to evaluate (503 beyond; a batch ends with a ``time_limit`` record)."""
    tokens: tuple[str, ...] = ()
    """Bearer tokens accepted; empty means no authentication (a trusted network)."""
    cors_origins: tuple[str, ...] = field(default=())
    """Origins allowed to call the service from a browser page elsewhere; empty means no CORS headers at all."""

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1 or self.max_batch_lines < 1 or not self.time_limit_seconds > 0:
            raise ValueError("limits must be positive")

    def token_accepted(self, presented: str) -> bool:
        """Whether ``presented`` is one of the tokens, compared in constant time against every one of them."""
        accepted = False
        for token in self.tokens:
            # No early exit: the time taken does not tell which token, or how much of one, matched.
            accepted |= hmac.compare_digest(presented.encode(), token.encode())
        return accepted


def read_tokens(path: str | Path) -> tuple[str, ...]:
    """Tokens from a file, one a line; blank lines and lines starting with ``#`` are skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    tokens = tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
    if not tokens:
        raise ValueError(f"no token in {path}")
    too_short = [t for t in tokens if len(t) < 16]
    if too_short:
        raise ValueError(f"{path}: every token must have at least 16 characters")
    return tokens

"""The HTTP service (``pip install 'cluster-criteria[server]'``; ``cluster-criteria serve``).

>>> from cluster_criteria.service import ServiceSettings, create_app
>>> app = create_app(ServiceSettings(max_body_bytes=1_000_000))   # any ASGI server runs it
"""

from __future__ import annotations

from .app import create_app
from .settings import ServiceSettings, read_tokens

__all__ = ["ServiceSettings", "create_app", "read_tokens"]

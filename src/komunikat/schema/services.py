"""Schema of data/services.yml: the service vocabulary with PL and EN labels."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Strict

Scope = Literal["dv", "operator-outage", "operator-maintenance", "report"]


class Service(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    pl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]
    scopes: list[Scope]


class ServicesFile(Strict):
    services: list[Service]

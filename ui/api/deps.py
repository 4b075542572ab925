"""FastAPI dependencies, in one place: what a route may ask for, and the admin check.

    async def route(engine: EngineDep, settings: SettingsDep) -> ...

`create_app` puts the engine and the ApiSettings on `app.state`; the providers below
read them from there. Admin routes depend on `require_admin` (POLICY_ADMIN_TOKEN, as a
bearer token or an X-Admin-Token header; no token configured means no admin).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from ui.api.engine import Engine
from ui.api.errors import ApiError
from ui.api.settings import ApiSettings


def get_engine(request: Request) -> Engine:
    """The engine created with the app (models and index loaded once)."""
    return request.app.state.engine


def get_settings(request: Request) -> ApiSettings:
    """The app's settings (ui.settings.Settings.api(), or the tests' own)."""
    return request.app.state.settings


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]

# Documented in the OpenAPI document as two alternative schemes; either one is enough.
BEARER = HTTPBearer(
    auto_error=False, scheme_name="AdminBearer", description="Authorization: Bearer <token>"
)
HEADER = APIKeyHeader(
    name="X-Admin-Token", auto_error=False, scheme_name="AdminToken", description="the token"
)
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]
HeaderDep = Annotated[str | None, Security(HEADER)]


def presented_token(bearer: HTTPAuthorizationCredentials | None, header: str | None) -> str | None:
    if bearer is not None and bearer.credentials.strip():
        return bearer.credentials.strip()
    return header or None


def require_admin(
    settings: SettingsDep, bearer: BearerDep = None, header: HeaderDep = None
) -> None:
    """The request carries the configured admin token: 403 when none is configured or
    the token is wrong, 401 when none is presented; tokens compare in constant time."""
    expected = settings.admin_token
    if not expected:
        raise ApiError(403, "admin_disabled")
    token = presented_token(bearer, header)
    if token is None:
        raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(token.encode(), expected.encode()):
        raise ApiError(403, "forbidden")


AdminDep = Depends(require_admin)  # for a router's or a route's `dependencies=[...]`

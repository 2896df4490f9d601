"""Request and response models of /v1/users and /v1/api_keys."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from cypheredge.gateway.domain.scopes import Role, Scope
from cypheredge.gateway.domain.users import normalized_email


class UserInvite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320, description="Matched case-insensitively at sign-in")
    role: Role

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return normalized_email(value)


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role


class User(BaseModel):
    id: UUID
    email: str
    role: Role
    created_at: datetime
    last_sign_in_at: datetime | None
    signed_in: bool = Field(description="False while the invitation has not been used")


class UserList(BaseModel):
    data: list[User]


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    scopes: list[Scope] = Field(
        min_length=1, description="`admin` allows everything, managing users and keys included"
    )
    expires_at: AwareDatetime | None = Field(None, description="In the future; none: never")


class ApiKey(BaseModel):
    id: UUID
    name: str
    prefix: str = Field(description="The key starts `ce_<prefix>_`: tells keys apart")
    scopes: list[Scope]
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None


class ApiKeyCreated(ApiKey):
    secret: str = Field(description="The key itself, shown this once: it is not kept")


class ApiKeyList(BaseModel):
    data: list[ApiKey]

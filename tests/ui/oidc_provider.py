"""A minimal OpenID Connect provider on 127.0.0.1 for the login tests (stdlib http.server + joserfc).

Authorization code flow only: discovery, an authorize endpoint that approves ``provider.user`` at once
(no login form) and redirects back with a code and the state it was given, a token endpoint that checks
the client secret, the redirect URI and the PKCE verifier and issues an RS256-signed ID token carrying
the nonce it was given, the JWKS, userinfo and an end-session endpoint. Every request is kept in
``provider.requests`` for the test to read.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import RSAKey


@dataclass
class _Grant:
    client_id: str
    redirect_uri: str
    nonce: str | None
    challenge: str | None
    claims: dict[str, Any]
    issued: float = field(default_factory=time.time)


class OidcProvider:
    """``with OidcProvider(client_id, client_secret, redirect_uri) as provider: provider.issuer ...``"""

    def __init__(self, client_id: str, client_secret: str, redirect_uri: str, host: str = "127.0.0.1") -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.user: dict[str, Any] = {}  # the claims of whoever the authorize endpoint approves next
        self.requests: list[tuple[str, str]] = []  # (method, path) in order
        self.errors: list[str] = []  # every refused request, with the reason
        self._key = RSAKey.generate_key(2048, parameters={"kid": "talenta-test", "use": "sig", "alg": "RS256"})
        self._grants: dict[str, _Grant] = {}
        self._tokens: dict[str, dict[str, Any]] = {}
        self._server = ThreadingHTTPServer((host, 0), _handler(self))
        self.issuer = f"http://{host}:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="oidc-provider", daemon=True)

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def __enter__(self) -> OidcProvider:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # ---- endpoints ---------------------------------------------------------------------------------

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "email", "email_verified", "preferred_username", "name"],
        }

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Approve ``self.user`` and send the browser back with a code (an error page on a bad request)."""
        if query.get("client_id") != self.client_id:
            return self._refuse("authorize: unknown client_id")
        if query.get("redirect_uri") != self.redirect_uri:
            return self._refuse(f"authorize: redirect_uri {query.get('redirect_uri')!r} is not registered")
        if query.get("response_type") != "code" or "openid" not in query.get("scope", "").split():
            return self._refuse("authorize: only response_type=code with scope openid")
        if query.get("code_challenge") and query.get("code_challenge_method") != "S256":
            return self._refuse("authorize: only S256 PKCE")
        code = secrets.token_urlsafe(24)
        self._grants[code] = _Grant(self.client_id, self.redirect_uri, query.get("nonce"),
                                    query.get("code_challenge"), dict(self.user))  # fmt: skip
        back = {"code": code, **({"state": query["state"]} if "state" in query else {})}
        return 302, {"Location": f"{self.redirect_uri}?{urlencode(back)}"}, b""

    def token(self, form: dict[str, str], authorization: str | None) -> tuple[int, dict[str, str], bytes]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization and authorization.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(authorization[6:]).decode().partition(":")
        if client_id != self.client_id or client_secret != self.client_secret:
            return self._json_error(401, "invalid_client", "token: wrong client id or secret")
        if form.get("grant_type") != "authorization_code":
            return self._json_error(400, "unsupported_grant_type", "token: only authorization_code")
        grant = self._grants.pop(form.get("code", ""), None)  # a code is good once
        if grant is None or time.time() - grant.issued > 60:
            return self._json_error(400, "invalid_grant", "token: unknown, used or expired code")
        if form.get("redirect_uri") != grant.redirect_uri:
            return self._json_error(400, "invalid_grant", "token: redirect_uri differs from the authorize request")
        if grant.challenge is not None:
            verifier = form.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if digest != grant.challenge:
                return self._json_error(400, "invalid_grant", "token: PKCE verifier does not match")
        now = int(time.time())
        id_claims = {"iss": self.issuer, "aud": self.client_id, "iat": now, "exp": now + 300, "auth_time": now,
                     **({"nonce": grant.nonce} if grant.nonce else {}), **grant.claims}  # fmt: skip
        id_token = jwt.encode({"alg": "RS256", "kid": self._key.kid}, id_claims, self._key)
        access = secrets.token_urlsafe(24)
        self._tokens[access] = grant.claims
        body = {"access_token": access, "token_type": "Bearer", "expires_in": 300, "id_token": id_token,
                "scope": "openid email profile"}  # fmt: skip
        return 200, {"Content-Type": "application/json", "Cache-Control": "no-store"}, json.dumps(body).encode()

    def userinfo(self, authorization: str | None) -> tuple[int, dict[str, str], bytes]:
        claims = self._tokens.get((authorization or "").removeprefix("Bearer "))
        if claims is None:
            return self._json_error(401, "invalid_token", "userinfo: unknown access token")
        return 200, {"Content-Type": "application/json"}, json.dumps(claims).encode()

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self._key.as_dict(private=False)]}

    def logout(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        back = query.get("post_logout_redirect_uri")
        if back and back != self.redirect_uri:
            return self._refuse("logout: post_logout_redirect_uri is not registered")
        return (302, {"Location": back}, b"") if back else (200, {"Content-Type": "text/plain"}, b"signed out")

    def _refuse(self, reason: str) -> tuple[int, dict[str, str], bytes]:
        self.errors.append(reason)
        return 400, {"Content-Type": "text/plain"}, reason.encode()

    def _json_error(self, status: int, error: str, reason: str) -> tuple[int, dict[str, str], bytes]:
        self.errors.append(reason)
        return status, {"Content-Type": "application/json"}, json.dumps({"error": error}).encode()


def _handler(provider: OidcProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            provider.requests.append(("GET", url.path))
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            match url.path:
                case "/.well-known/openid-configuration":
                    self._send(200, {"Content-Type": "application/json"}, json.dumps(provider.discovery()).encode())
                case "/jwks":
                    self._send(200, {"Content-Type": "application/json"}, json.dumps(provider.jwks()).encode())
                case "/authorize":
                    self._send(*provider.authorize(query))
                case "/userinfo":
                    self._send(*provider.userinfo(self.headers.get("Authorization")))
                case "/logout":
                    self._send(*provider.logout(query))
                case _:
                    self._send(404, {"Content-Type": "text/plain"}, b"not found")

        def do_POST(self) -> None:
            url = urlparse(self.path)
            provider.requests.append(("POST", url.path))
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if url.path == "/token":
                self._send(*provider.token(form, self.headers.get("Authorization")))
            else:
                self._send(404, {"Content-Type": "text/plain"}, b"not found")

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # quiet: the test reads provider.requests
            pass

    return Handler

#!/usr/bin/env python3
"""A stand-in OpenID Connect provider on the loopback, for the browser check of the sign-in with an
identity provider (scripts/check/service-browser.sh): no network, no real federation.

fake_oidc_provider.py PORT CLIENT_ID SECRET SUBJECT

Serves http://127.0.0.1:PORT as the issuer: its discovery document; /authorize, which signs SUBJECT in
at once and sends the browser back to the redirect URI with a code and the state it was given; /token,
which checks the client's Basic credentials and the PKCE verifier (S256) before answering an ID token
with the nonce of the authorization request (its signature is a placeholder: Parcours leaves the
signature to TLS, OpenID Connect Core 3.1.3.7 (6)). Anything amiss answers 400.
"""
import base64, hashlib, http.server, json, secrets, sys, time, urllib.parse

port, client_id, secret, subject = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
issuer = f"http://127.0.0.1:{port}"
grants = {}  # code -> (nonce, challenge, redirect URI)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Provider(http.server.BaseHTTPRequestHandler):
    def answer(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/.well-known/openid-configuration":
            document = {"issuer": issuer, "authorization_endpoint": issuer + "/authorize",
                        "token_endpoint": issuer + "/token"}
            return self.answer(200, json.dumps(document).encode(), [("Content-Type", "application/json")])
        if url.path == "/authorize":
            if (query.get("response_type") != "code" or query.get("client_id") != client_id
                    or query.get("code_challenge_method") != "S256" or "openid" not in query.get("scope", "").split()
                    or not all(query.get(key) for key in ("state", "nonce", "code_challenge", "redirect_uri"))):
                return self.answer(400, b"bad authorization request")
            code = secrets.token_urlsafe(16)
            grants[code] = (query["nonce"], query["code_challenge"], query["redirect_uri"])
            back = query["redirect_uri"] + "?" + urllib.parse.urlencode({"code": code, "state": query["state"]})
            return self.answer(302, headers=[("Location", back)])
        self.answer(404)

    def do_POST(self):
        if self.path != "/token":
            return self.answer(404)
        form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
        basic = "Basic " + base64.b64encode(
            f"{urllib.parse.quote(client_id, safe='')}:{urllib.parse.quote(secret, safe='')}".encode()).decode()
        grant = grants.pop(form.get("code", ""), None)
        if (self.headers.get("Authorization") != basic or form.get("grant_type") != "authorization_code"
                or grant is None or form.get("redirect_uri") != grant[2]
                or b64url(hashlib.sha256(form.get("code_verifier", "").encode()).digest()) != grant[1]):
            return self.answer(400, b'{"error":"invalid_grant"}', [("Content-Type", "application/json")])
        now = int(time.time())
        claims = {"iss": issuer, "sub": subject, "aud": client_id, "iat": now, "exp": now + 300, "nonce": grant[0]}
        token = ".".join([b64url(b'{"alg":"RS256","typ":"JWT"}'), b64url(json.dumps(claims).encode()),
                          b64url(b"placeholder")])
        body = json.dumps({"access_token": secrets.token_urlsafe(16), "token_type": "Bearer", "id_token": token})
        self.answer(200, body.encode(), [("Content-Type", "application/json")])

    def log_message(self, *arguments):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Provider).serve_forever()

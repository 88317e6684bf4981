"""A browser-like client of a real server of the app (``tests.app_processes.AppServer``):
signing in through the form, reading a form's CSRF token, and sending a form that stops part
way, as a slow or stalled connection would."""

from __future__ import annotations

import socket

import requests
from urllib3.filepost import encode_multipart_formdata

from tests.app_processes import AppServer
from tests.factories import PASSWORD, csrf_token_in


def sign_in(server: AppServer, email: str) -> tuple[requests.Session, requests.Response]:
    """Sign in through the real form in a new browser-like session; returns the answer too."""
    browser = requests.Session()
    page = browser.get(f"{server.url}/login", timeout=30)
    response = browser.post(
        f"{server.url}/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_token_in(page.text)},
        timeout=30,
    )
    return browser, response


def signed_in(server: AppServer, email: str) -> requests.Session:
    browser, response = sign_in(server, email)
    assert response.ok and "Sign out" in response.text, response.text[-2000:]
    return browser


def form_token(browser: requests.Session, url: str) -> str:
    return csrf_token_in(browser.get(url, timeout=30).text)


def send_form(
    server: AppServer, browser: requests.Session, path: str, fields: list, share: float = 1.0
) -> socket.socket:
    """Send a multipart POST without waiting for the answer, stopping after ``share`` of the
    body as a slow or stalled connection would; the caller closes the socket."""
    body, content_type = encode_multipart_formdata(fields)
    cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in browser.cookies)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        f"Cookie: {cookies}\r\n\r\n"
    )
    connection = socket.create_connection(("127.0.0.1", server.port))
    connection.sendall(head.encode() + body[: int(len(body) * share)])
    return connection

from urllib.parse import urlsplit


def safe_next_url(target: str | None) -> str | None:
    """A ``next`` URL only when it is a path on this site; anything else is dropped."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target

"""RQ queues on Redis for background jobs when running several web workers or machines."""

from flask import current_app
from redis import Redis
from rq import Queue

QUEUE_KINDS = ("analysis", "reports")  # what ``qa-audit worker`` listens to


def rq_queue(kind: str = "analysis") -> Queue:
    return Queue(f"qa_audit_{kind}", connection=Redis.from_url(current_app.config["REDIS_URL"]))

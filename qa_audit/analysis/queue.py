"""The RQ queue on Redis for analysis jobs when running on several machines or workers."""

from flask import current_app
from redis import Redis
from rq import Queue

QUEUE_NAME = "qa_audit_analysis"


def rq_queue() -> Queue:
    return Queue(QUEUE_NAME, connection=Redis.from_url(current_app.config["REDIS_URL"]))

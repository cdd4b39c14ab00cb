"""Nightshift's Python client: ``nightshift.Client(address, token_file=...).submit(...).wait()``.

The message and stub modules under ``nightshift.v1`` are generated from the API's .proto files when the package is
built (``client-python/build.sh``); see client-python/README.md.
"""
from nightshift.client import (FINAL_STATES, ApiError, ArtifactMismatch, Client, Retry, TaskHandle, TaskTimeout,
                               Tls)

__all__ = ["ApiError", "ArtifactMismatch", "Client", "FINAL_STATES", "Retry", "TaskHandle", "TaskTimeout", "Tls"]

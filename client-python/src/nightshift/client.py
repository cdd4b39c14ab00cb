"""A thin, idiomatic wrapper over Nightshift's generated gRPC stubs.

    import nightshift

    with nightshift.Client("127.0.0.1:7070", token_file="~/.nightshift/admin-token") as client:
        task = client.submit(pipeline_name="sample", params={"rows": "10"}, labels={"team": "chem"},
                             idempotency_key="nightly-2026-12-05")
        final = task.wait(timeout=600)
        print(final.state, final.result.digest)

Everything the API answers is its own Protobuf message (``nightshift.v1.task_service_pb2.Task`` and friends); this
module adds what every caller would otherwise write again: credentials on each call, a deadline on each call,
retries of the calls that are safe to repeat, a watch that resumes by itself where it left off, and waiting for a
task to end.
"""
from __future__ import annotations

import hashlib
import os
import random
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator, Mapping, Optional, Sequence

import grpc
from google.protobuf import timestamp_pb2
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from nightshift.v1 import artifact_service_pb2, artifact_service_pb2_grpc
from nightshift.v1 import task_service_pb2, task_service_pb2_grpc

FINAL_STATES = frozenset({
    task_service_pb2.TASK_STATE_SUCCEEDED,
    task_service_pb2.TASK_STATE_FAILED,
    task_service_pb2.TASK_STATE_CANCELLED,
})

# Codes after which the same call may succeed: the server was not reached or went away mid-call.
_RETRYABLE = frozenset({grpc.StatusCode.UNAVAILABLE})


class ApiError(Exception):
    """A call the API refused: its gRPC status code, its message, and the request fields it named (``fields``:
    field path -> what is wrong, from the status's BadRequest and PreconditionFailure details)."""

    def __init__(self, code: grpc.StatusCode, message: str, fields: Optional[Mapping[str, str]] = None):
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message
        self.fields = dict(fields or {})

    @classmethod
    def of(cls, error: grpc.RpcError) -> "ApiError":
        return cls(error.code(), error.details() or "", _named_fields(error))


def _named_fields(error: grpc.RpcError) -> dict:
    """The fields a refusal names, from the google.rpc.Status in its trailers (absent: none named)."""
    try:
        status = rpc_status.from_call(error)
    except (ValueError, AttributeError):  # trailers that disagree with the status, or no call to read them from
        return {}
    fields = {}
    for detail in status.details if status else ():
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            fields.update((v.field, v.description) for v in bad.field_violations)
        elif detail.Is(error_details_pb2.PreconditionFailure.DESCRIPTOR):
            failure = error_details_pb2.PreconditionFailure()
            detail.Unpack(failure)
            fields.update((v.subject, v.description) for v in failure.violations)
    return fields


class ArtifactMismatch(IOError):
    """An artifact read did not arrive whole: the bytes received are not the stored ones (their size or digest
    differ, or a resumed stream did not go on from where the last one stopped). Read it again."""

    def __init__(self, digest: str, what: str):
        super().__init__(f"artifact {digest} did not arrive whole: {what}; its bytes are not the stored ones, read it "
                         f"again")
        self.digest = digest


class TaskTimeout(TimeoutError):
    """wait() ran out of time before the task ended; ``task`` is its last view."""

    def __init__(self, task, timeout: float):
        super().__init__(f"task {task.id} did not end within {timeout:g} s; it is "
                         f"{task_service_pb2.TaskState.Name(task.state)}")
        self.task = task


@dataclass(frozen=True)
class Tls:
    """Server verification (``ca``) and, for mutual TLS, the client's certificate and key, as PEM file paths."""

    ca: Optional[str] = None
    cert: Optional[str] = None
    key: Optional[str] = None
    # The name the server's certificate carries, where it differs from the host dialled (e.g. "localhost").
    server_name: Optional[str] = None


@dataclass(frozen=True)
class Retry:
    """Backoff for calls that are safe to repeat, after UNAVAILABLE: ``attempts`` tries in all."""

    attempts: int = 5
    first_delay: float = 0.2
    max_delay: float = 5.0

    def delays(self) -> Iterator[float]:
        delay = self.first_delay
        for _ in range(self.attempts - 1):
            # full jitter, so many clients that lost the same server do not come back in step
            yield random.uniform(0, delay)
            delay = min(delay * 2, self.max_delay)


class Client:
    """One channel to a Nightshift runtime's API. Use it as a context manager, or call close()."""

    def __init__(self, address: str, *, token: Optional[str] = None, token_file: Optional[str] = None,
                 tls: Optional[Tls] = None, timeout: float = 30.0, retry: Retry = Retry()):
        if token and token_file:
            raise ValueError("give token or token_file, not both")
        if token_file:
            with open(os.path.expanduser(token_file), encoding="utf-8") as f:
                token = f.read().strip()
        self._metadata = (("authorization", "Bearer " + token),) if token else ()
        self._timeout = timeout
        self._retry = retry
        self._channel = _channel(address, tls)
        self._tasks = task_service_pb2_grpc.TaskServiceStub(self._channel)
        self._artifacts = artifact_service_pb2_grpc.ArtifactServiceStub(self._channel)

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._channel.close()

    # --- submitting -------------------------------------------------------------------------------------------

    def submit(self, *, pipeline_yaml: Optional[str] = None, pipeline_name: Optional[str] = None,
               goal: str = "", params: Optional[Mapping[str, str]] = None,
               labels: Optional[Mapping[str, str]] = None, idempotency_key: str = "", task_id: str = "",
               budget: Optional[task_service_pb2.TaskBudget] = None) -> "TaskHandle":
        """Starts a task. With an idempotency_key, a repeat of the same submission returns the same task, so the
        call is retried after UNAVAILABLE; without one it is sent once (a retry could start a second task)."""
        if pipeline_yaml is not None and pipeline_name is not None:
            raise ValueError("give pipeline_yaml or pipeline_name, not both")
        spec = task_service_pb2.TaskSpec(goal=goal, params=dict(params or {}), labels=dict(labels or {}))
        if pipeline_yaml is not None:
            spec.pipeline_yaml = pipeline_yaml
        if pipeline_name is not None:
            spec.pipeline_name = pipeline_name
        if budget is not None:
            spec.budget.CopyFrom(budget)
        request = task_service_pb2.SubmitTaskRequest(spec=spec, task_id=task_id, idempotency_key=idempotency_key)
        response = self._call(self._tasks.SubmitTask, request, retry=bool(idempotency_key))
        return TaskHandle(self, response.task_id)

    def task(self, task_id: str) -> "TaskHandle":
        """A handle on a task submitted before (by anyone in the caller's tenant)."""
        return TaskHandle(self, task_id)

    # --- reading ----------------------------------------------------------------------------------------------

    def get(self, task_id: str):
        """The task's current view (``Task``)."""
        return self._call(self._tasks.GetTask, task_service_pb2.GetTaskRequest(task_id=task_id))

    def list_tasks(self, *, states: Sequence[int] = (), labels: Optional[Mapping[str, str]] = None,
                   pipeline: str = "", created_after: Optional[datetime] = None,
                   created_before: Optional[datetime] = None, page_size: int = 50) -> Iterator:
        """Every task that matches, newest first, fetching pages as the iteration reaches them."""
        request = task_service_pb2.ListTasksRequest(page_size=page_size, states=list(states),
                                                    labels=dict(labels or {}), pipeline=pipeline)
        if created_after is not None:
            request.created_after.CopyFrom(_timestamp(created_after))
        if created_before is not None:
            request.created_before.CopyFrom(_timestamp(created_before))
        while True:
            page = self._call(self._tasks.ListTasks, request)
            yield from page.tasks
            if not page.next_page_token:
                return
            request.page_token = page.next_page_token

    def watch(self, task_id: str) -> Iterator:
        """Each change of the task (``TaskEvent``) until it ends. A dropped stream or a restarted server is
        reconnected after the last sequence seen (``after_sequence``), so the events' timeline entries together are
        the task's timeline, each entry once, in order, and no view older than one delivered comes again."""
        last = 0
        delays = None
        while True:
            try:
                stream = self._tasks.WatchTask(task_service_pb2.WatchTaskRequest(task_id=task_id,
                                                                                 after_sequence=last),
                                               metadata=self._metadata)
                for event in stream:
                    delays = None  # it answered: a later drop starts the backoff afresh
                    if event.sequence < last:
                        continue  # behind a view already delivered (an API instance whose poll lags)
                    last = event.sequence
                    yield event
                    if event.task.state in FINAL_STATES:
                        return
                # the server ends the stream only once the task ended; an early end is a drop
            except grpc.RpcError as e:
                if e.code() not in _RETRYABLE:
                    raise ApiError.of(e) from e
            delays = delays or self._retry.delays()
            delay = next(delays, None)
            if delay is None:
                raise ApiError(grpc.StatusCode.UNAVAILABLE,
                               f"the watch of task {task_id} dropped {self._retry.attempts} times in a row")
            time.sleep(delay)

    def read_artifact(self, task_id: str, ref) -> bytes:
        """The bytes of one of the task's artifacts (an ``ArtifactRef`` from its view), checked against its digest."""
        return b"".join(self.stream_artifact(task_id, ref))

    def stream_artifact(self, task_id: str, ref) -> Iterator[bytes]:
        """The artifact's bytes in the chunks the server sends, for artifacts too large to hold at once.

        A stream that drops (UNAVAILABLE: a cut connection, a restarted server) is opened again from the bytes
        already received (``offset``), with the client's retry backoff; its attempts count drops in a row, and any
        byte received starts them afresh, so a long download on a network that drops now and then goes on. Each
        stream must start where the last one stopped, and at the end the bytes must be the artifact's size and hash
        to ``ref.digest``, else ``ArtifactMismatch`` comes instead of the end: what was yielded is then not the
        artifact."""
        received, size = 0, None
        sha = hashlib.sha256()
        delays = None
        while True:
            request = artifact_service_pb2.ReadArtifactRequest(task_id=task_id, digest=ref.digest,
                                                               media_type=ref.media_type, offset=received)
            first = True
            try:
                for chunk in self._artifacts.ReadArtifact(request, metadata=self._metadata):
                    if first:
                        first = False
                        if chunk.offset != received:
                            raise ArtifactMismatch(ref.digest, f"a stream asked to start at byte {received} started "
                                                               f"at {chunk.offset}")
                        if size is not None and chunk.size != size:
                            raise ArtifactMismatch(ref.digest, f"its size was {size} bytes and a resumed stream "
                                                               f"named {chunk.size}")
                        size = chunk.size
                    if received + len(chunk.data) > size:
                        raise ArtifactMismatch(ref.digest, f"more than its {size} bytes arrived")
                    delays = None  # it answered: a later drop starts the backoff afresh
                    sha.update(chunk.data)
                    received += len(chunk.data)
                    if chunk.data:
                        yield chunk.data
                break
            except grpc.RpcError as e:
                if e.code() not in _RETRYABLE:
                    raise ApiError.of(e) from e
            delays = delays or self._retry.delays()
            delay = next(delays, None)
            if delay is None:
                raise ApiError(grpc.StatusCode.UNAVAILABLE,
                               f"reading artifact {ref.digest} of task {task_id} dropped {self._retry.attempts} times "
                               f"in a row, after {received} bytes")
            time.sleep(delay)
        if received != size:
            raise ArtifactMismatch(ref.digest, f"its streams ended after {received} of its {size} bytes")
        if "sha256:" + sha.hexdigest() != ref.digest:
            raise ArtifactMismatch(ref.digest, f"the {received} bytes received hash to sha256:{sha.hexdigest()}")

    # --- steering ---------------------------------------------------------------------------------------------

    def cancel(self, task_id: str, reason: str = "") -> None:
        self._call(self._tasks.CancelTask, task_service_pb2.CancelTaskRequest(task_id=task_id, reason=reason))

    def pause(self, task_id: str, reason: str = "") -> None:
        self._call(self._tasks.PauseTask, task_service_pb2.PauseTaskRequest(task_id=task_id, reason=reason))

    def resume(self, task_id: str) -> None:
        self._call(self._tasks.ResumeTask, task_service_pb2.ResumeTaskRequest(task_id=task_id))

    def approve(self, task_id: str, step: str, comment: str = "", by: str = "") -> None:
        self._call(self._tasks.ApproveTask, task_service_pb2.ApproveTaskRequest(
            task_id=task_id, step=step, comment=comment, by=by), retry=False)

    def reject(self, task_id: str, step: str, comment: str = "", by: str = "") -> None:
        self._call(self._tasks.RejectTask, task_service_pb2.RejectTaskRequest(
            task_id=task_id, step=step, comment=comment, by=by), retry=False)

    def steer(self, task_id: str, guidance: str) -> None:
        self._call(self._tasks.SteerTask, task_service_pb2.SteerTaskRequest(task_id=task_id, guidance=guidance),
                   retry=False)

    # ----------------------------------------------------------------------------------------------------------

    def _call(self, method, request, retry: bool = True):
        """One unary call with the client's credentials and deadline; after UNAVAILABLE it is tried again with
        backoff where ``retry`` (reads, and writes whose repeat changes nothing)."""
        delays = self._retry.delays() if retry else iter(())
        while True:
            try:
                return method(request, metadata=self._metadata, timeout=self._timeout)
            except grpc.RpcError as e:
                delay = next(delays, None) if e.code() in _RETRYABLE else None
                if delay is None:
                    raise ApiError.of(e) from e
                time.sleep(delay)


class TaskHandle:
    """One task, by id: read it, wait for it, watch it, steer it."""

    def __init__(self, client: Client, task_id: str):
        self._client = client
        self.id = task_id

    def __repr__(self) -> str:
        return f"TaskHandle({self.id!r})"

    def get(self):
        return self._client.get(self.id)

    def watch(self) -> Iterator:
        return self._client.watch(self.id)

    def wait(self, timeout: Optional[float] = None):
        """The task's final view, once it ended (SUCCEEDED, FAILED or CANCELLED: read ``.state``). Raises
        TaskTimeout, carrying the last view, when it has not ended within ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        last = None
        for event in _until(self._client.watch(self.id), deadline):
            last = event.task
            if last.state in FINAL_STATES:
                return last
        raise TaskTimeout(last if last is not None else self.get(), timeout)

    def cancel(self, reason: str = "") -> None:
        self._client.cancel(self.id, reason)

    def result(self) -> bytes:
        """The bytes of the task's result (its final output); ValueError while it has none."""
        task = self.get()
        if not task.HasField("result"):
            raise ValueError(f"task {self.id} has no result ({task_service_pb2.TaskState.Name(task.state)})")
        return self._client.read_artifact(self.id, task.result)


def _until(events: Iterator, deadline: Optional[float]) -> Iterable:
    """The events that arrive before the deadline. A blocking stream is read on a thread, so the wait ends on time
    even while no event comes."""
    if deadline is None:
        yield from events
        return
    import queue
    import threading

    inbox: "queue.Queue" = queue.Queue()
    done = object()

    def pump():
        try:
            for e in events:
                inbox.put(e)
        except BaseException as e:  # handed to the waiting thread, which raises it
            inbox.put(e)
        inbox.put(done)

    threading.Thread(target=pump, daemon=True, name="nightshift-wait").start()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        try:
            item = inbox.get(timeout=left)
        except queue.Empty:
            return
        if item is done:
            return
        if isinstance(item, BaseException):
            raise item
        yield item


def _timestamp(at: datetime) -> timestamp_pb2.Timestamp:
    if at.tzinfo is None:
        raise ValueError("give an aware datetime (with tzinfo), e.g. datetime.now(timezone.utc)")
    ts = timestamp_pb2.Timestamp()
    ts.FromDatetime(at.astimezone(timezone.utc))
    return ts


def _channel(address: str, tls: Optional[Tls]) -> grpc.Channel:
    if tls is None:
        return grpc.insecure_channel(address)

    def read(path):
        if path is None:
            return None
        with open(os.path.expanduser(path), "rb") as f:
            return f.read()

    credentials = grpc.ssl_channel_credentials(root_certificates=read(tls.ca), private_key=read(tls.key),
                                               certificate_chain=read(tls.cert))
    options = [("grpc.ssl_target_name_override", tls.server_name)] if tls.server_name else []
    return grpc.secure_channel(address, credentials, options=options)

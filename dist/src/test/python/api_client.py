#!/usr/bin/env python3
"""An independent client of Nightshift's gRPC API, in Python, with Debian's python3-grpcio and python3-protobuf only.

No generated code: the message classes are built at run time from the FileDescriptorSet the Maven build writes
(proto/: nightshift/v1/nightshift-v1.protoset), and each method is called by its full gRPC name. It talks to a real
runtime over mutual TLS with bearer tokens and checks what any client may rely on:

  SubmitTask of a small pipeline, then GetTask, and ListTasks contains it
  no token                               -> UNAUTHENTICATED
  a viewer's token calling CancelTask    -> PERMISSION_DENIED
  an unknown task                        -> NOT_FOUND
  a request that is not its message, and one with a field out of range -> INVALID_ARGUMENT
  without a client certificate, the connection fails (UNAVAILABLE)

Exits 0 when every check holds, 1 naming the first that did not. dist's ApiClientInPythonIT runs it.
"""
import argparse
import sys
import time
import uuid

import grpc
from google.protobuf import descriptor_pb2, message_factory

PIPELINE = "name: from-python\nsteps:\n  - {name: only, tool: table.describe, params: {input: \"x\"}}\n"


def messages(descriptor_set):
    with open(descriptor_set, "rb") as f:
        files = descriptor_pb2.FileDescriptorSet.FromString(f.read()).file
    return message_factory.GetMessages(list(files))


class Api:
    """TaskService's methods by name, on one channel, each call sending the given token (or none)."""

    def __init__(self, channel, types):
        self.channel = channel
        self.types = types

    def call(self, method, request, response_type, token=None, timeout=20):
        stub = self.channel.unary_unary("/nightshift.v1.TaskService/" + method,
                                        request_serializer=lambda m: m if isinstance(m, bytes) else m.SerializeToString(),
                                        response_deserializer=self.types[response_type].FromString)
        metadata = [("authorization", "Bearer " + token)] if token else None
        return stub(request, metadata=metadata, timeout=timeout)

    def msg(self, name, **fields):
        return self.types["nightshift.v1." + name](**fields)


def expect_code(what, code, call, naming=None):
    try:
        call()
    except grpc.RpcError as e:
        if e.code() != code:
            fail(f"{what}: expected {code.name}, got {e.code().name}: {e.details()}")
        if naming and naming not in (e.details() or ""):
            fail(f"{what}: {code.name} should name {naming!r}, said {e.details()!r}")
        print(f"ok   {what}: {code.name} ({e.details()})")
        return e
    fail(f"{what}: expected {code.name}, but the call succeeded")


def fail(message):
    print("FAIL " + message)
    sys.exit(1)


def channel(args, with_client_certificate):
    with open(args.ca, "rb") as f:
        ca = f.read()
    key = cert = None
    if with_client_certificate:
        with open(args.key, "rb") as f:
            key = f.read()
        with open(args.cert, "rb") as f:
            cert = f.read()
    credentials = grpc.ssl_channel_credentials(root_certificates=ca, private_key=key, certificate_chain=cert)
    options = [("grpc.ssl_target_name_override", args.server_name)] if args.server_name else []
    return grpc.secure_channel(args.target, credentials, options=options)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", required=True, help="HOST:PORT of the API")
    parser.add_argument("--server-name", help="name the API's certificate carries, when the target's host is not it")
    parser.add_argument("--ca", required=True, help="CA certificates (PEM) the API's certificate chains to")
    parser.add_argument("--cert", required=True, help="client certificate (PEM) for mutual TLS")
    parser.add_argument("--key", required=True, help="its private key (PEM)")
    parser.add_argument("--token-file", required=True, help="a submitter's or admin's token")
    parser.add_argument("--viewer-token-file", required=True, help="a viewer's token")
    parser.add_argument("--descriptors", required=True, help="the API's FileDescriptorSet (nightshift-v1.protoset)")
    args = parser.parse_args()
    with open(args.token_file) as f:
        token = f.read().strip()
    with open(args.viewer_token_file) as f:
        viewer = f.read().strip()
    types = messages(args.descriptors)

    with channel(args, with_client_certificate=True) as ch:
        api = Api(ch, types)
        task_id = "py-" + uuid.uuid4().hex[:12]
        spec = api.msg("TaskSpec", goal="checked from Python", pipeline_yaml=PIPELINE)
        submitted = api.call("SubmitTask", api.msg("SubmitTaskRequest", task_id=task_id, spec=spec),
                             "nightshift.v1.SubmitTaskResponse", token)
        if submitted.task_id != task_id:
            fail(f"SubmitTask answered task id {submitted.task_id!r}, asked for {task_id!r}")
        print(f"ok   SubmitTask: {task_id}")
        task = api.call("GetTask", api.msg("GetTaskRequest", task_id=task_id), "nightshift.v1.Task", token)
        if task.id != task_id or task.goal != "checked from Python":
            fail(f"GetTask answered {task.id!r} with goal {task.goal!r}")
        print(f"ok   GetTask: {task.id} in state {task.state}")
        # Temporal's visibility store (what ListTasks reads) catches up with a new workflow within moments
        for attempt in range(40):
            listed = api.call("ListTasks", api.msg("ListTasksRequest", page_size=100),
                              "nightshift.v1.ListTasksResponse", token)
            if task_id in [t.id for t in listed.tasks]:
                break
            time.sleep(0.25)
        else:
            fail(f"ListTasks does not contain {task_id} after 10 s: {[t.id for t in listed.tasks]}")
        print(f"ok   ListTasks contains {task_id} ({len(listed.tasks)} tasks)")

        expect_code("GetTask without a token", grpc.StatusCode.UNAUTHENTICATED,
                    lambda: api.call("GetTask", api.msg("GetTaskRequest", task_id=task_id), "nightshift.v1.Task"))
        expect_code("CancelTask with a viewer's token", grpc.StatusCode.PERMISSION_DENIED,
                    lambda: api.call("CancelTask", api.msg("CancelTaskRequest", task_id=task_id),
                                     "nightshift.v1.CancelTaskResponse", viewer))
        expect_code("GetTask of an unknown task", grpc.StatusCode.NOT_FOUND,
                    lambda: api.call("GetTask", api.msg("GetTaskRequest", task_id="no-such-" + task_id),
                                     "nightshift.v1.Task", token))
        expect_code("SubmitTask with bytes that are not a SubmitTaskRequest", grpc.StatusCode.INVALID_ARGUMENT,
                    lambda: api.call("SubmitTask", b"\xff\xff\xff", "nightshift.v1.SubmitTaskResponse", token))
        expect_code("ListTasks with a negative page_size", grpc.StatusCode.INVALID_ARGUMENT,
                    lambda: api.call("ListTasks", api.msg("ListTasksRequest", page_size=-1),
                                     "nightshift.v1.ListTasksResponse", token), naming="page_size")

    with channel(args, with_client_certificate=False) as ch:
        api = Api(ch, types)
        expect_code("ListTasks without a client certificate", grpc.StatusCode.UNAVAILABLE,
                    lambda: api.call("ListTasks", api.msg("ListTasksRequest", page_size=1),
                                     "nightshift.v1.ListTasksResponse", token, timeout=10))
    print("all checks passed")


if __name__ == "__main__":
    main()

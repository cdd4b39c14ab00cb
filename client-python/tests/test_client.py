"""The Python client against a real Nightshift runtime (dist's PythonClientIT starts one and sets the environment):

  NIGHTSHIFT_ADDRESS      host:port of the runtime's gRPC API
  NIGHTSHIFT_TOKEN_FILE   a token file of an admin of the default tenant
  NIGHTSHIFT_INPUTS_DIR   the runtime's inputs directory (data.read_csv's file: sources), for a large artifact
  NIGHTSHIFT_TLS_CA, NIGHTSHIFT_TLS_CERT, NIGHTSHIFT_TLS_KEY, NIGHTSHIFT_TLS_SERVER_NAME
                          PEM files for (mutual) TLS and the name the server's certificate carries; plaintext
                          without NIGHTSHIFT_TLS_CA

Run: python -m unittest discover -s client-python/tests -v (with the built wheel installed).
"""
import hashlib
import os
import socket
import sys
import threading
import time
import unittest
import uuid
from datetime import datetime, timedelta, timezone

import grpc

sys.path.insert(0, os.path.dirname(__file__))

import nightshift  # noqa: E402
from nightshift.v1 import task_service_pb2 as pb  # noqa: E402
from relay import Relay  # noqa: E402

ADDRESS = os.environ.get("NIGHTSHIFT_ADDRESS", "127.0.0.1:7070")
TOKEN_FILE = os.environ.get("NIGHTSHIFT_TOKEN_FILE")
INPUTS_DIR = os.environ.get("NIGHTSHIFT_INPUTS_DIR")
TLS = nightshift.Tls(ca=os.environ["NIGHTSHIFT_TLS_CA"], cert=os.environ.get("NIGHTSHIFT_TLS_CERT"),
                     key=os.environ.get("NIGHTSHIFT_TLS_KEY"),
                     server_name=os.environ.get("NIGHTSHIFT_TLS_SERVER_NAME")) \
    if os.environ.get("NIGHTSHIFT_TLS_CA") else None

QUICK = """
name: quick
steps:
  - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
  - {name: describe, tool: table.describe, params: {input: "${steps.load.output}"}}
"""

GATED = """
name: gated
steps:
  - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
  - {name: publish, tool: table.describe, params: {input: "${steps.load.output}"}, approval: required}
"""


LOAD_ONLY = """
name: load-only
steps:
  - {name: load, tool: data.read_csv, params: {source: "file:%s"}}
"""


def client(address=ADDRESS, tls=TLS, **kwargs):
    return nightshift.Client(address, token_file=TOKEN_FILE, tls=tls, timeout=30, **kwargs)


def run_id():
    return "py-" + uuid.uuid4().hex[:12]


class SubmitAndWaitTest(unittest.TestCase):
    def test_submit_then_wait_returns_the_final_view_and_the_result_reads_back(self):
        with client() as c:
            task = c.submit(pipeline_yaml=QUICK, goal="describe the approved drugs")
            final = task.wait(timeout=120)

            self.assertEqual(pb.TASK_STATE_SUCCEEDED, final.state, final.error)
            self.assertEqual(task.id, final.id)
            self.assertEqual(["load", "describe"], [s.name for s in final.steps])
            result = task.result()
            self.assertEqual(final.result.size, len(result))
            self.assertEqual(result, c.read_artifact(task.id, final.result))
            self.assertEqual(result, b"".join(c.stream_artifact(task.id, final.result)))

    def test_wait_ends_on_time_with_the_last_view_while_the_task_waits_for_a_person(self):
        with client() as c:
            task = c.submit(pipeline_yaml=GATED)
            started = time.monotonic()
            with self.assertRaises(nightshift.TaskTimeout) as raised:
                task.wait(timeout=8)
            self.assertLess(time.monotonic() - started, 20)
            self.assertIn(task.id, str(raised.exception))
            self.assertEqual(task.id, raised.exception.task.id)
            self.assertNotIn(raised.exception.task.state, nightshift.FINAL_STATES)
            task.cancel("test over")
            self.assertEqual(pb.TASK_STATE_CANCELLED, task.wait(timeout=60).state)

    def test_a_refused_submit_names_the_field(self):
        with client() as c:
            with self.assertRaises(nightshift.ApiError) as raised:
                c.submit(pipeline_name="no-such-pipeline")
            self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, raised.exception.code)
            self.assertIn("spec.pipeline_name", raised.exception.fields)
            self.assertIn("no-such-pipeline", raised.exception.fields["spec.pipeline_name"])

    def test_a_reused_idempotency_key_with_another_spec_is_refused_naming_the_key(self):
        key = "reuse-" + run_id()
        with client() as c:
            c.submit(pipeline_yaml=QUICK, idempotency_key=key).wait(timeout=120)
            with self.assertRaises(nightshift.ApiError) as raised:
                c.submit(pipeline_yaml=GATED, idempotency_key=key)
            self.assertEqual(grpc.StatusCode.FAILED_PRECONDITION, raised.exception.code)
            self.assertIn("idempotency_key", raised.exception.fields)


class IdempotencyAndFiltersTest(unittest.TestCase):
    def test_the_same_idempotency_key_returns_the_same_task(self):
        run = run_id()
        key = "nightly-" + run
        with client() as c:
            first = c.submit(pipeline_yaml=QUICK, labels={"run": run}, idempotency_key=key)
            again = c.submit(pipeline_yaml=QUICK, labels={"run": run}, idempotency_key=key)

            self.assertEqual(first.id, again.id)
            listed = [t.id for t in c.list_tasks(labels={"run": run})]
            self.assertEqual([first.id], listed)
            first.wait(timeout=120)

    def test_list_filters_by_label_state_pipeline_and_time_across_pages(self):
        run = run_id()
        with client() as c:
            before = datetime.now(timezone.utc) - timedelta(seconds=5)
            quick = [c.submit(pipeline_yaml=QUICK, labels={"run": run, "kind": "quick"}) for _ in range(3)]
            gated = c.submit(pipeline_yaml=GATED, labels={"run": run, "kind": "gated"})
            for t in quick:
                self.assertEqual(pb.TASK_STATE_SUCCEEDED, t.wait(timeout=120).state)

            def ids(**filters):
                return sorted(t.id for t in c.list_tasks(page_size=2, **filters))

            everything = sorted([t.id for t in quick] + [gated.id])
            self.assertEqual(everything, ids(labels={"run": run}))
            self.assertEqual(sorted(t.id for t in quick), ids(labels={"run": run, "kind": "quick"}))
            self.assertEqual(sorted(t.id for t in quick), ids(labels={"run": run}, states=[pb.TASK_STATE_SUCCEEDED]))
            self.assertEqual([gated.id], ids(labels={"run": run}, pipeline="gated"))
            self.assertEqual(everything, ids(labels={"run": run}, created_after=before))
            self.assertEqual([], ids(labels={"run": run}, created_before=before))
            for t in c.list_tasks(labels={"run": run, "kind": "quick"}):
                self.assertEqual({"run": run, "kind": "quick"}, dict(t.labels))
            gated.cancel("test over")


class WatchTest(unittest.TestCase):
    def test_a_watch_cut_mid_task_reconnects_and_misses_nothing(self):
        host, port = ADDRESS.rsplit(":", 1)
        relay = Relay(host, int(port))
        events = []
        failure = []
        try:
            with client() as direct, client(relay.address) as relayed:
                task = direct.submit(pipeline_yaml=GATED)

                def follow():
                    try:
                        for event in relayed.watch(task.id):
                            events.append(event)
                    except Exception as e:  # reported by the assertion below
                        failure.append(e)

                follower = threading.Thread(target=follow, daemon=True)
                follower.start()
                self._until(lambda: any(e.task.state == pb.TASK_STATE_AWAITING_APPROVAL for e in events))
                accepted = relay.accepted
                self.assertGreater(relay.cut(), 0, "the watch's connection was open through the relay")
                direct.approve(task.id, "publish", comment="fine", by="python test")
                follower.join(timeout=120)

                self.assertEqual([], failure)
                self.assertFalse(follower.is_alive(), "the watch ended with the task")
                self.assertGreater(relay.accepted, accepted, "the client reconnected through the relay")
                self.assertEqual(pb.TASK_STATE_SUCCEEDED, events[-1].task.state)
                sequences = [e.sequence for e in events]
                self.assertEqual(sorted(sequences), sequences, "no view older than one delivered")
                final = direct.get(task.id)
                self.assertEqual(final.sequence, events[-1].sequence)
                self.assertEqual(0, sum(e.timeline_lost for e in events))
                seen = [(entry.sequence, entry.kind, entry.step) for e in events for entry in e.timeline]
                self.assertEqual([(entry.sequence, entry.kind, entry.step) for entry in final.timeline], seen,
                                 "every timeline entry arrived once, in order, across the cut")
                self.assertIn("publish", [step for _, _, step in seen])
        finally:
            relay.close()

    @staticmethod
    def _until(condition, timeout=60):
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise AssertionError("timed out waiting")
            time.sleep(0.1)


@unittest.skipUnless(INPUTS_DIR, "needs the runtime's inputs directory for an artifact of several chunks")
class ArtifactResumeTest(unittest.TestCase):
    def test_an_artifact_read_cut_midway_resumes_from_the_bytes_it_has_and_is_the_stored_bytes(self):
        name = run_id() + ".csv"
        with open(os.path.join(INPUTS_DIR, name), "w", encoding="utf-8") as f:
            f.write("id,smiles,score\n")
            f.writelines(f"{i},CC(=O)Oc1ccccc1C(=O)O,{i * 0.37:.4f}\n" for i in range(60_000))
        host, port = ADDRESS.rsplit(":", 1)
        relay = Relay(host, int(port))
        try:
            with client() as direct, client(relay.address) as relayed:
                final = direct.submit(pipeline_yaml=LOAD_ONLY % name).wait(timeout=120)
                self.assertEqual(pb.TASK_STATE_SUCCEEDED, final.state, final.error)
                self.assertGreater(final.result.size, 2 << 20, "an artifact of several 256 KiB chunks")

                relay.cut_after(1 << 20)  # a megabyte into the download
                read = relayed.read_artifact(final.id, final.result)

                self.assertEqual(1, relay.cuts, "the download's connection was cut")
                self.assertGreaterEqual(relay.accepted, 2, "the client read on over a new connection")
                self.assertEqual(final.result.size, len(read))
                self.assertEqual(final.result.digest, "sha256:" + hashlib.sha256(read).hexdigest())
        finally:
            relay.close()


@unittest.skipUnless(TLS and TLS.cert, "the runtime under test asks for client certificates")
class MutualTlsTest(unittest.TestCase):
    def test_a_client_without_a_certificate_does_not_get_through(self):
        without = nightshift.Tls(ca=TLS.ca, server_name=TLS.server_name)
        with client(tls=without, retry=nightshift.Retry(attempts=1)) as c:
            with self.assertRaises(nightshift.ApiError) as raised:
                c.get("any-task")
            self.assertEqual(grpc.StatusCode.UNAVAILABLE, raised.exception.code)


class RetryTest(unittest.TestCase):
    def test_a_read_retries_until_the_server_comes_up(self):
        with socket.create_server(("127.0.0.1", 0)) as probe:
            port = probe.getsockname()[1]  # free now; nothing listens once the probe closes
        host, target = ADDRESS.rsplit(":", 1)
        later = []
        timer = threading.Timer(1.5, lambda: later.append(Relay(host, int(target), port=port)))
        with client("127.0.0.1:%d" % port, retry=nightshift.Retry(attempts=30, first_delay=0.5, max_delay=2.0)) as c:
            timer.start()
            try:
                page = list(c.list_tasks(page_size=1))
                self.assertIsInstance(page, list)
                self.assertTrue(later, "the call went through only after the server came up")
            finally:
                timer.join()
                for r in later:
                    r.close()

    def test_a_submit_without_an_idempotency_key_is_not_retried(self):
        with socket.create_server(("127.0.0.1", 0)) as probe:
            port = probe.getsockname()[1]
        with client("127.0.0.1:%d" % port, retry=nightshift.Retry(attempts=12, first_delay=0.5)) as c:
            started = time.monotonic()
            with self.assertRaises(nightshift.ApiError) as raised:
                c.submit(pipeline_yaml=QUICK)
            self.assertEqual(grpc.StatusCode.UNAVAILABLE, raised.exception.code)
            self.assertLess(time.monotonic() - started, 5, "one try, no backoff")


if __name__ == "__main__":
    unittest.main()

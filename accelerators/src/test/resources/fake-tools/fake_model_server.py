#!/usr/bin/env python3
"""Stands in for vLLM (`vllm serve ...`), a NIM container (`docker run ... image`) and llama-cpp-python's server.

It records the command line and the accelerator environment it was started with to $FAKE_RECORD (JSON), then
serves health, model list and Prometheus metrics (vLLM's names, or NIM's unprefixed ones when started as a
container) on the port its command line names. Health answers 503
until $FAKE_READY_AFTER seconds have passed, so a caller that does not wait for health is caught. With
NEURON_COMPILED_ARTIFACTS set it "compiles" ($FAKE_COMPILE_SECONDS) unless a compiled file is already there,
as vLLM-neuron does. $FAKE_EXIT makes it crash at start. A chat completion gets a one-word answer, or with
$FAKE_DIE_ON_CHAT the process dies of SIGSEGV, as a llama.cpp built for another CPU does on its first computation.
"""
import json, os, signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

argv = sys.argv[1:]
env_keys = ["CUDA_VISIBLE_DEVICES", "CUDA_DEVICE_ORDER", "NEURON_RT_VISIBLE_CORES", "NEURON_COMPILED_ARTIFACTS",
            "OMP_NUM_THREADS", "NIGHTSHIFT_CPU_CORES"]
record = {"argv": argv, "env": {k: os.environ[k] for k in env_keys if k in os.environ}, "compiled": False,
          "env_names": sorted(os.environ)}

def opt(name, default=None):
    return argv[argv.index(name) + 1] if name in argv else default

if argv and argv[0] == "run":                       # docker run ... -e NIM_SERVER_PORT=P ... image
    # "-e NAME=value" sets a value; "-e NAME" copies NAME from this process's environment, as docker does.
    envs = {}
    for i, a in enumerate(argv):
        if a == "-e":
            name, eq, value = argv[i + 1].partition("=")
            if eq or name in os.environ:
                envs[name] = value if eq else os.environ[name]
    record["container_env"] = envs
    port = int(envs["NIM_SERVER_PORT"])
    health_paths = {"/v1/health/ready", "/v1/health/live"}
else:                                               # vllm serve M --port P / llama_cpp.server --port P
    port = int(opt("--port"))
    health_paths = {"/health", "/v1/models"}

artifacts = os.environ.get("NEURON_COMPILED_ARTIFACTS")
if artifacts:
    neff = os.path.join(artifacts, "model.neff")
    if not os.path.exists(neff):
        time.sleep(float(os.environ.get("FAKE_COMPILE_SECONDS", "0")))
        with open(neff, "w") as f:
            f.write("compiled")
        record["compiled"] = True

with open(os.environ["FAKE_RECORD"], "w") as f:
    json.dump(record, f)
if os.environ.get("FAKE_EXIT"):
    print("fatal: CUDA error: no CUDA-capable device is detected", flush=True)
    sys.exit(int(os.environ["FAKE_EXIT"]))

ready_at = time.time() + float(os.environ.get("FAKE_READY_AFTER", "0"))
METRICS = """# HELP vllm:num_requests_running Number of requests in model execution batches.
# TYPE vllm:num_requests_running gauge
vllm:num_requests_running{model_name="m",engine="0"} 3.0
# HELP vllm:num_requests_waiting Number of requests waiting to be processed.
# TYPE vllm:num_requests_waiting gauge
vllm:num_requests_waiting{model_name="m",engine="0"} 5.0
# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.
# TYPE vllm:kv_cache_usage_perc gauge
vllm:kv_cache_usage_perc{model_name="m",engine="0"} 0.42
"""

# NIM for LLMs serves the same gauges on /v1/metrics without vLLM's "vllm:" prefix, KV cache under its old name.
NIM_METRICS = """# TYPE num_requests_running gauge
num_requests_running{model_name="m"} 3.0
# TYPE num_requests_waiting gauge
num_requests_waiting{model_name="m"} 5.0
# TYPE gpu_cache_usage_perc gauge
gpu_cache_usage_perc{model_name="m"} 0.42
"""
metrics = NIM_METRICS if argv and argv[0] == "run" else METRICS

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path in health_paths:
            ok = time.time() >= ready_at
            self.send_response(200 if ok else 503)
            body = b"{}" if ok else b"loading"
        elif self.path in ("/metrics", "/v1/metrics"):
            self.send_response(200)
            body = metrics.encode()
        else:
            self.send_response(404)
            body = b"not found"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        if self.path.endswith("/chat/completions"):
            if os.environ.get("FAKE_DIE_ON_CHAT"):
                print("ggml_backend_amx_mul_mat: general protection fault", flush=True)
                # die here and now, whatever signal mask this thread inherited (a pending, blocked SIGSEGV would let
                # the request below answer "OK"): unblock it, then raise it in this very thread
                signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGSEGV])
                signal.pthread_kill(threading.get_ident(), signal.SIGSEGV)
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            body = json.dumps({"object": "chat.completion", "choices": [{"index": 0, "finish_reason": "length",
                "message": {"role": "assistant", "content": "OK"}}]}).encode()
            self.send_response(200)
        else:
            body = b"not found"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

print(f"serving on {port}", flush=True)
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

"""A stand-in for llama_cpp.server that lists its model, then dies on the first chat completion with SIGSEGV,
as llama.cpp built natively on a CPU whose AMX tiles fault did (general protection fault in ggml_backend_amx_mul_mat).
Run as: python3 dies_on_first_answer.py --model M --model_alias A --host H --port P ..."""
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

args = dict(zip(sys.argv[1::2], sys.argv[2::2]))
alias = args.get("--model_alias", "model")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"object": "list", "data": [{"id": alias, "object": "model"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        print("ggml_backend_amx_mul_mat: about to compute", flush=True)
        os.kill(os.getpid(), signal.SIGSEGV)


print("stand-in server listening", flush=True)
HTTPServer((args["--host"], int(args["--port"])), Handler).serve_forever()

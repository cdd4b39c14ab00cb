#!/usr/bin/env bash
# Builds the Python client's wheel: generates nightshift/v1/*_pb2*.py from the API's .proto files with grpcio-tools,
# then builds the wheel with setuptools, both from the interpreter given (a venv holding provisioning's hash-pinned
# python-client lock), without network access or build isolation.
#
#   client-python/build.sh PYTHON OUT_DIR      # writes OUT_DIR/src (the package tree) and OUT_DIR/dist/*.whl
set -euo pipefail
python="$1"
out="$(mkdir -p "$2" && cd "$2" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
protos="$here/../proto/src/main/proto"

rm -rf "$out/src" "$out/dist"
mkdir -p "$out/src" "$out/dist"
cp "$here/pyproject.toml" "$here/README.md" "$out/src/"
cp -r "$here/src" "$out/src/src"
# the generated modules import each other as nightshift.v1.*, the proto package's path
"$python" -m grpc_tools.protoc -I "$protos" --python_out="$out/src/src" --pyi_out="$out/src/src" \
  --grpc_python_out="$out/src/src" "$protos"/nightshift/v1/*.proto
echo '"""Message and stub modules generated from the API (nightshift.v1)."""' > "$out/src/src/nightshift/v1/__init__.py"
"$python" -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index \
  -w "$out/dist" "$out/src"
ls "$out"/dist/*.whl

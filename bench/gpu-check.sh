#!/usr/bin/env bash
# The real-GPU check (bench/README.md, "Real-GPU check"), for a machine with an NVIDIA GPU, its driver, Java 17 and
# Python 3: discovery through the real nvidia-smi, a lease of GPU_CHECK_UNITS GPUs (1), bench/gpu-check/cuda_work.py
# doing real CUDA work under the lease's CUDA_VISIBLE_DEVICES for GPU_CHECK_SECONDS (20), and nvidia-smi telemetry
# read every second meanwhile. Prints one line of figures; exits 0 only if all of that held. Nothing is installed:
# the work uses PyTorch or CuPy when present, else the CUDA driver alone.
#   bench/gpu-check.sh
# Builds core and accelerators with the Maven wrapper first (about a minute), unless GPU_CHECK_CLASSPATH gives a
# class path already built (accelerators/target/classes plus its runtime dependencies).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for tool in nvidia-smi java python3; do
  command -v "$tool" >/dev/null || { echo "gpu-check: no $tool on the PATH; this check needs an NVIDIA GPU with its" \
    "driver (nvidia-smi), Java 17 and Python 3" >&2; exit 2; }
done
cp="${GPU_CHECK_CLASSPATH:-}"
if [ -z "$cp" ]; then
  echo "gpu-check: building core and accelerators..." >&2
  (cd "$root" && ./mvnw -q -B -pl accelerators -am package dependency:build-classpath -DskipTests \
    -DincludeScope=runtime -Dmdep.outputFile=target/gpu-check-classpath.txt) >&2
  cp="$root/accelerators/target/classes:$(cat "$root/accelerators/target/gpu-check-classpath.txt")"
fi
# 4 minutes at most for discovery, the work and the telemetry, so the whole check stays under 5 with the build.
exec timeout 240 java -cp "$cp" io.nightshift.accelerators.LeaseCheck nvidia "${GPU_CHECK_UNITS:-1}" \
  python3 "$root/bench/gpu-check/cuda_work.py"

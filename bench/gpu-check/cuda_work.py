#!/usr/bin/env python3
"""Real CUDA work for bench/gpu-check.sh, on the GPUs that CUDA_VISIBLE_DEVICES leaves visible.

Square matrix products on the first visible GPU for GPU_CHECK_SECONDS (default 20): through PyTorch when it is
installed with CUDA (bf16, or fp16 where bf16 is missing), else CuPy (fp16), else the CUDA driver alone via ctypes:
1 GiB allocated and overwritten with cuMemsetD32 in a loop (visible to nvidia-smi as memory used and a compute
process; memsets are not kernels, so utilization.gpu may stay low). Nothing is installed from here.

Prints one JSON line at the end: engine, work, uuids (every visible GPU, as nvidia-smi names them, read through the
driver), seconds, and tflops or gbps. Exits 3 when there is no CUDA driver at all.
"""
import ctypes
import json
import os
import sys
import time

SECONDS = float(os.environ.get("GPU_CHECK_SECONDS", "20"))
N = int(os.environ.get("GPU_CHECK_N", "8192"))


def driver():
    try:
        cuda = ctypes.CDLL("libcuda.so.1")
    except OSError as e:
        print(f"cuda_work: no CUDA driver (libcuda.so.1): {e}", file=sys.stderr)
        sys.exit(3)
    check(cuda, cuda.cuInit(0), "cuInit")
    return cuda


def check(cuda, rc, what):
    if rc != 0:
        name = ctypes.c_char_p()
        cuda.cuGetErrorName(rc, ctypes.byref(name))
        raise RuntimeError(f"{what} failed: {rc} {name.value.decode() if name.value else ''}")


def visible_uuids(cuda):
    count = ctypes.c_int()
    check(cuda, cuda.cuDeviceGetCount(ctypes.byref(count)), "cuDeviceGetCount")
    get_uuid = getattr(cuda, "cuDeviceGetUuid_v2", None) or cuda.cuDeviceGetUuid
    uuids = []
    for i in range(count.value):
        dev = ctypes.c_int()
        check(cuda, cuda.cuDeviceGet(ctypes.byref(dev), i), "cuDeviceGet")
        raw = (ctypes.c_ubyte * 16)()
        check(cuda, get_uuid(raw, dev), "cuDeviceGetUuid")
        h = bytes(raw).hex()
        uuids.append(f"GPU-{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}")
    return uuids


def matmuls(mm, sync, a, b):
    for _ in range(3):
        mm(a, b)
    sync()
    count, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < SECONDS:
        for _ in range(10):
            mm(a, b)
        sync()
        count += 10
    elapsed = time.perf_counter() - t0
    return elapsed, 2 * N ** 3 * count / elapsed / 1e12


def with_torch():
    try:
        import torch
    except Exception:  # not installed, or installed without its CUDA libraries
        return None
    if not torch.cuda.is_available():
        return None
    dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    a = torch.randn(N, N, device="cuda", dtype=dtype)
    b = torch.randn(N, N, device="cuda", dtype=dtype)
    elapsed, tflops = matmuls(torch.matmul, torch.cuda.synchronize, a, b)
    return {"engine": "torch", "work": f"{str(dtype).split('.')[-1]} {N}x{N} matmul", "seconds": elapsed,
            "tflops": tflops}


def with_cupy():
    try:
        import cupy
    except Exception:
        return None
    a = cupy.random.standard_normal((N, N), dtype=cupy.float32).astype(cupy.float16)
    b = cupy.random.standard_normal((N, N), dtype=cupy.float32).astype(cupy.float16)
    elapsed, tflops = matmuls(cupy.matmul, cupy.cuda.Device().synchronize, a, b)
    return {"engine": "cupy", "work": f"float16 {N}x{N} matmul", "seconds": elapsed, "tflops": tflops}


def with_driver(cuda):
    dev, ctx, ptr = ctypes.c_int(), ctypes.c_void_p(), ctypes.c_uint64()
    check(cuda, cuda.cuDeviceGet(ctypes.byref(dev), 0), "cuDeviceGet")
    check(cuda, cuda.cuDevicePrimaryCtxRetain(ctypes.byref(ctx), dev), "cuDevicePrimaryCtxRetain")
    check(cuda, cuda.cuCtxSetCurrent(ctx), "cuCtxSetCurrent")
    size = 1 << 30
    check(cuda, cuda.cuMemAlloc_v2(ctypes.byref(ptr), ctypes.c_size_t(size)), "cuMemAlloc")
    count, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < SECONDS:
        check(cuda, cuda.cuMemsetD32_v2(ptr, ctypes.c_uint(count), ctypes.c_size_t(size // 4)), "cuMemsetD32")
        count += 1
        if count % 16 == 0:
            check(cuda, cuda.cuCtxSynchronize(), "cuCtxSynchronize")
    check(cuda, cuda.cuCtxSynchronize(), "cuCtxSynchronize")
    elapsed = time.perf_counter() - t0
    cuda.cuMemFree_v2(ptr)
    return {"engine": "cuda-driver", "work": "1 GiB memset loop", "seconds": elapsed,
            "gbps": size * count / elapsed / 1e9}


def main():
    cuda = driver()
    uuids = visible_uuids(cuda)
    if not uuids:
        print("cuda_work: the driver sees no GPU (CUDA_VISIBLE_DEVICES=%s)" % os.environ.get("CUDA_VISIBLE_DEVICES"),
              file=sys.stderr)
        return 1
    result = with_torch() or with_cupy() or with_driver(cuda)
    result["uuids"] = uuids
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

package io.nightshift.accelerators.nvidia;

import java.util.OptionalDouble;

/** One line of {@code nvidia-smi --query-gpu=...}; fields the driver reports as [N/A] are empty. */
record GpuReading(
    int index, String uuid, String name, long memoryTotalMiB, long memoryUsedMiB, OptionalDouble utilizationGpu,
    OptionalDouble powerDraw, OptionalDouble powerLimit, OptionalDouble temperature) {}

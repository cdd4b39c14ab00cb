package io.nightshift.api;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WatchTask streams open at once, across every namespace the API serves, the workflow UI's event streams
 * included (they are WatchTask streams too): one over {@code --max-watchers} is refused RESOURCE_EXHAUSTED, so many
 * idle pages cannot hold the API's memory and Temporal's attention without bound.
 */
final class WatchSlots {
  static final String FLAG = "--max-watchers";
  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  WatchSlots(int max) {
    if (max < 1) {
      throw new IllegalArgumentException(FLAG + " must be at least 1, was " + max);
    }
    this.max = max;
  }

  /** Takes a slot for a new stream, to {@link #release} when it ends; RESOURCE_EXHAUSTED when none is free. */
  void take() {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      throw ApiErrors.resourceExhausted("this API already streams " + max + " task watches (" + FLAG + " " + max
          + "); close another watch or page, or retry later");
    }
  }

  void release() {
    open.decrementAndGet();
  }

  int open() {
    return open.get();
  }
}

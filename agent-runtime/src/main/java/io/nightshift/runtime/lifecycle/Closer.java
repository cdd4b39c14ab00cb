package io.nightshift.runtime.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a runtime process has started, closed in reverse order. Each part is pushed the moment it is open, so a
 * start that fails half-way closes exactly what came before it; one part failing to close does not keep the
 * others open.
 */
public final class Closer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Closer.class);

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** Registers {@code part} to be closed before everything pushed earlier; returns it, to open and push in one. */
  public <T extends AutoCloseable> T push(T part) {
    opened.push(part);
    return part;
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        log.warn("error while stopping: {}", e.toString());
      }
    }
  }
}

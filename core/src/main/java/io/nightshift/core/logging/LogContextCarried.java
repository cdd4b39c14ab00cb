package io.nightshift.core.logging;

import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Work handed to another thread (an executor, a client's callback pool) with the MDC of the thread that hands it
 * over, so the lines it logs still say which task, step and attempt they are about. The other thread gets its own
 * MDC back afterwards: a pooled thread must not keep one task's context for the next.
 */
public final class LogContextCarried {
  private LogContextCarried() {}

  /** {@code work}, to run elsewhere under the calling thread's MDC as it is now. */
  public static <T> Supplier<T> supplier(Supplier<T> work) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> own = MDC.getCopyOfContextMap();
      set(context);
      try {
        return work.get();
      } finally {
        set(own);
      }
    };
  }

  private static void set(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }
}

package io.nightshift.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Work handed to a pooled thread sees the caller's MDC there, and the pooled thread keeps none of it after. */
class LogContextCarriedTest {
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    MDC.clear();
  }

  @Test
  void shouldRunUnderTheCallersContextAndLeaveThePooledThreadAsItWas() throws Exception {
    pool.submit(() -> MDC.put("Pool", "own")).get();
    MDC.setContextMap(Map.of("TaskId", "task-1", "Step", "search"));

    Map<String, String> seen = CompletableFuture.supplyAsync(
        LogContextCarried.supplier(MDC::getCopyOfContextMap), pool).get();
    MDC.clear();

    assertThat(seen).isEqualTo(Map.of("TaskId", "task-1", "Step", "search"));
    assertThat(pool.submit(MDC::getCopyOfContextMap).get()).isEqualTo(Map.of("Pool", "own"));
  }
}

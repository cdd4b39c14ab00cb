package io.nightshift.bench.agents;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoint's own capacity: exactly as many concurrent clients as it has slots, each calling it back to back
 * until {@code requests} calls are done, with no engine in between (the same LangChain4j client and guards the
 * agents' model activity uses, and the same messages an agent sends).
 */
final class DirectLoad {
  private DirectLoad() {}

  /** @return requests per second, whole run and steady (see {@link Throughput}) */
  static Throughput run(ModelEndpointConfig endpoint, int clients, int requests, AgentShape shape) throws Exception {
    return run(List.of(endpoint), endpoint.id(), clients, requests, shape);
  }

  /**
   * @param endpoints the models file's endpoints (a model's replicas among them)
   * @param id        the endpoint or model id every call names
   */
  static Throughput run(List<ModelEndpointConfig> endpoints, String id, int clients, int requests, AgentShape shape)
      throws Exception {
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(endpoints));
    ModelCallRequest request = ModelCallRequest.of(SystemMessage.from(shape.instructions()),
        UserMessage.from(shape.task())).withMaxOutputTokens(shape.maxOutputTokens());
    AtomicInteger left = new AtomicInteger(requests);
    List<Long> completions = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(pool.submit(() -> {
          while (left.getAndDecrement() > 0) {
            models.call(id, request);
            completions.add(System.nanoTime());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return Throughput.of(start, completions);
    } finally {
      pool.shutdownNow();
    }
  }
}

package io.nightshift.models.endpoint;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The replicas of one model id (servers of the same model, each its own endpoint with its own circuit breaker and
 * bulkhead) and the calls each has outstanding: sent or waiting for a place in its bulkhead, not yet answered. A
 * call goes to the replica with the fewest outstanding among those whose circuit lets calls through (least
 * outstanding requests, as Envoy's LEAST_REQUEST balancer), ties taken in turn, so N single-slot servers all work at
 * once and a failing one is passed over while its breaker is open. Thread-safe.
 */
final class ReplicaSet {
  private final List<String> replicaIds = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> outstanding = new ConcurrentHashMap<>();
  private final AtomicInteger turn = new AtomicInteger();

  void add(String replicaId) {
    outstanding.putIfAbsent(replicaId, new AtomicInteger());
    replicaIds.add(replicaId);
  }

  /** @return whether the set is empty now */
  boolean remove(String replicaId) {
    replicaIds.remove(replicaId);
    outstanding.remove(replicaId);
    return replicaIds.isEmpty();
  }

  List<String> replicaIds() {
    return List.copyOf(replicaIds);
  }

  /**
   * Picks a replica and counts the call against it until {@link #release}. Where every circuit is open it picks
   * among all, so the call is refused at once as CIRCUIT_OPEN, as a single endpoint's would be.
   *
   * @param circuitOpen whether a replica's circuit refuses calls now
   */
  String acquire(Function<String, Boolean> circuitOpen) {
    List<String> ids = replicaIds();
    if (ids.isEmpty()) {
      throw new IllegalStateException("the replica set has no replicas");
    }
    List<String> healthy = ids.stream().filter(id -> !circuitOpen.apply(id)).toList();
    List<String> candidates = healthy.isEmpty() ? ids : healthy;
    int start = Math.floorMod(turn.getAndIncrement(), candidates.size());
    String best = null;
    int fewest = Integer.MAX_VALUE;
    for (int i = 0; i < candidates.size(); i++) {
      String id = candidates.get((start + i) % candidates.size());
      int load = count(id).get();
      if (load < fewest) {
        best = id;
        fewest = load;
      }
    }
    count(best).incrementAndGet();
    return best;
  }

  void release(String replicaId) {
    AtomicInteger n = outstanding.get(replicaId);
    if (n != null) {
      n.decrementAndGet();
    }
  }

  int outstanding(String replicaId) {
    return count(replicaId).get();
  }

  private AtomicInteger count(String replicaId) {
    return outstanding.computeIfAbsent(replicaId, id -> new AtomicInteger());
  }
}

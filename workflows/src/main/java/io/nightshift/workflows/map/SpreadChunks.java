package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.activities.StepActivities;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.engine.FailureMessages;
import io.nightshift.workflows.engine.HistoryBudget;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A leaf node's chunks spread over several pools ({@link ChunkDispatch} picks each chunk's pool), at most the
 * node's window in flight. A chunk that fails on a pool for any reason but bad input runs again on another pool;
 * bad input fails the node, as it would anywhere. Results are kept by chunk index, as in a single-queue leaf.
 */
final class SpreadChunks {
  private final MapWork work;
  private final Supplier<Optional<PoolSchedule>> schedule;
  private final Map<String, StepActivities> stubs = new HashMap<>();

  /** @param schedule the task's latest plan for its maps' pools, which may change while the node runs */
  SpreadChunks(MapWork work, Supplier<Optional<PoolSchedule>> schedule) {
    this.work = work;
    this.schedule = schedule;
  }

  /**
   * Runs chunks [first, n) of the node, whose item parameters are {@code chunks} (from index {@code first}).
   *
   * @param tallies what each pool's chunks used, added to as chunks finish
   * @return how far the contiguous prefix of finished chunks reaches (less than n when history must be cut)
   */
  int run(int rangeFrom, int first, int n, int window, List<String> chunks, ArtifactRef[] results,
      Map<String, PoolTally> tallies) {
    ChunkDispatch dispatch = new ChunkDispatch(work.placement().pools(), pace());
    Map<Integer, Promise<StepOutput>> running = new LinkedHashMap<>();
    Map<Integer, String> poolOf = new HashMap<>();
    Deque<Integer> again = new ArrayDeque<>();
    int next = first;
    int finished = first;
    String failure = null;
    boolean drain = false;
    while (next < n || !running.isEmpty() || !again.isEmpty()) {
      while (failure == null && running.size() < window && (!again.isEmpty() || (!drain && next < n))) {
        var pool = dispatch.pick(Workflow.currentTimeMillis(), n - finished);
        if (pool.isEmpty()) {
          break; // every pool is full: wait for a chunk to finish
        }
        int i = again.isEmpty() ? next++ : again.poll();
        running.put(i, start(pool.get(), rangeFrom + i, chunks.get(i - first)));
        poolOf.put(i, pool.get());
        dispatch.started(pool.get());
      }
      if (running.isEmpty()) {
        if (failure == null && dispatch.exhausted()) {
          failure = "no pool left for the map's chunks: " + dispatch.failures();
        }
        break;
      }
      if (dispatch.paced()) {
        // chunks that wait at a busy cheap pool finish nothing, so the pace must be looked at again as time
        // passes, not only when a chunk ends: a dearer pool may have to open meanwhile, or the task's plan change
        Optional<PoolSchedule> seen = schedule.get();
        Workflow.await(dispatch.paceCheckEvery(Workflow.currentTimeMillis()), () -> schedule.get() != seen
            || running.values().stream().anyMatch(Promise::isCompleted));
      } else {
        Workflow.await(() -> running.values().stream().anyMatch(Promise::isCompleted));
      }
      for (Integer i : List.copyOf(running.keySet())) {
        Promise<StepOutput> p = running.get(i);
        if (!p.isCompleted()) {
          continue;
        }
        running.remove(i);
        String pool = poolOf.remove(i);
        try {
          StepOutput out = p.get();
          results[i] = out.output();
          PoolTally.add(tallies, pool, out.use().unitSeconds(), out.telemetry());
          finished++;
          dispatch.finished(pool, true);
        } catch (ActivityFailure e) {
          dispatch.finished(pool, false);
          if (isBadInput(e)) {
            failure = failure == null ? "chunk " + (rangeFrom + i) + " failed: " + FailureMessages.of(e) : failure;
          } else {
            dispatch.failed(pool, "chunk " + (rangeFrom + i) + " failed: " + FailureMessages.of(e));
            again.add(i);
          }
        }
      }
      if (failure == null && !again.isEmpty() && dispatch.exhausted()) {
        failure = "no pool left for the map's chunks: " + dispatch.failures();
      }
      drain = drain || HistoryBudget.exceeded(0);
    }
    if (failure != null) {
      throw ApplicationFailure.newNonRetryableFailure(failure, "MapChunkFailed");
    }
    return next;
  }

  /**
   * For chunks due by a deadline, which pools take them as time goes on: the task's plan where it sent one, else
   * the node's own pace (maps recorded before plans); none without a deadline.
   */
  private Optional<ChunkPace> pace() {
    return work.placement().deadline().map(d -> {
      DeadlinePace own = new DeadlinePace(work.placement().pools(), work.placement().demand().estimateSeconds(),
          d.mapDoneByMillis(), d.share());
      if (d.schedule().isEmpty()) {
        return own;
      }
      PoolSchedule first = d.schedule().get();
      return new ScheduledPace(work.placement().pools(), () -> schedule.get().orElse(first), own);
    });
  }

  private Promise<StepOutput> start(String pool, int chunk, String item) {
    StepActivities steps = stubs.computeIfAbsent(pool, p -> Workflow.newActivityStub(StepActivities.class,
        ActivityPolicies.placedSteps(work.policy(), BackendQueues.forPool(p), pickup(p))));
    return Async.function(steps::runStep, work.chunkCall(chunk, item));
  }

  /** How long a chunk call waits for a worker of {@code pool}, as the pool reported it when the map was placed. */
  private Duration pickup(String pool) {
    return ActivityPolicies.pickupTimeout(work.placement().pools().stream().filter(s -> s.poolId().equals(pool))
        .mapToLong(PoolShare::pickupTimeoutMillis).findFirst().orElse(0));
  }

  private static boolean isBadInput(ActivityFailure e) {
    return e.getCause() instanceof ApplicationFailure af && StepActivities.TOOL_INPUT_ERROR.equals(af.getType());
  }
}

package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.activities.StepActivities;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.engine.HistoryBudget;
import io.nightshift.workflows.logging.TaskLogContext;
import io.nightshift.workflows.map.MapActivities.ChunkRange;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Runs one node of a map tree within a window: a leaf calls the tool once per chunk, an inner node starts child
 * nodes over sub-ranges and divides its window among them, so the whole tree never has more than the step's
 * window in flight. A permanent failure stops new work, lets in-flight work finish, and fails the node naming the
 * chunk. Results are kept by chunk index, so each chunk's result appears exactly once in the merged table.
 */
public final class MapWorkflowImpl implements MapWorkflow {
  /** Children per inner node: keeps every node's history far below Temporal's limits. */
  static final int FANOUT = 50;
  /** Smallest window an inner node gave a child in version 1 of {@link #CHILD_WINDOW_CHANGE}. */
  static final int MIN_CHILD_WINDOW_V1 = 10;
  /** Smallest window an inner node gives a child (when its own window allows), from version 2 on. */
  static final int MIN_CHILD_WINDOW = 25;
  /**
   * Version marker of the child window rules, for replay of maps already running: default = as many children as
   * the window allows (often one-wide), 1 = at least {@link #MIN_CHILD_WINDOW_V1} wide, 2 = at least
   * {@link #MIN_CHILD_WINDOW} wide, 3 = as 2 with the children's ranges {@link ChildRanges#staggered staggered}.
   */
  static final String CHILD_WINDOW_CHANGE = "map-child-window";
  /** The version of {@link #CHILD_WINDOW_CHANGE} from which children's ranges are staggered. */
  static final int STAGGERED_CHILDREN = 3;

  private final MapActivities map = Workflow.newActivityStub(MapActivities.class, ActivityPolicies.engine());
  /**
   * The task's latest plan for its deadline-paced pools, as signalled after this node started; empty until then.
   * Kept apart from the input: a signal can be handled before the workflow method first runs.
   */
  private Optional<PoolSchedule> signalled = Optional.empty();
  /** The node's results so far, by index (chunks of a leaf, children of an inner node); null until it starts. */
  private ArtifactRef[] shown;
  /** How many chunks the result at an index stands for: 1 in a leaf, a child's range in an inner node. */
  private IntUnaryOperator chunksAt = i -> 1;
  private int chunks;
  /** The children an inner node runs now, to pass a new plan on to. */
  private final Map<Integer, MapWorkflow> runningChildren = new LinkedHashMap<>();

  @Override
  public void reschedule(PoolSchedule schedule) {
    signalled = Optional.of(schedule);
    runningChildren.values().forEach(child -> Async.procedure(() -> passOn(child, schedule)));
  }

  /** A child that finished meanwhile needs no plan: the signal then fails, and that is fine. */
  private static void passOn(MapWorkflow child, PoolSchedule schedule) {
    try {
      child.reschedule(schedule);
    } catch (SignalExternalWorkflowException e) {
      // the child ended before the signal reached it
    }
  }

  @Override
  public MapProgress progress() {
    int done = 0;
    if (shown != null) {
      for (int i = 0; i < shown.length; i++) {
        if (shown[i] != null) {
          done += chunksAt.applyAsInt(i);
        }
      }
    }
    return new MapProgress(chunks, done);
  }

  @Override
  public MapResult run(MapInput input) {
    TaskLogContext.step(input.work().taskId(), input.work().step());
    MapInput in = input.rescheduled(signalled);
    int n = in.range().to() - in.range().from();
    chunks = n;
    Map<String, PoolTally> tallies = new LinkedHashMap<>();
    PoolTally.addAll(tallies, in.used());
    List<ArtifactRef> parts = n > in.leafChunks() ? inner(in, tallies) : leaf(in, tallies);
    if (parts == null) {
      return null; // continued as new
    }
    MapActivities.Merged merged = map.merge(new MapActivities.MergeRequest(parts));
    return new MapResult(merged.table(), n, merged.rows(), List.copyOf(tallies.values()));
  }

  private List<ArtifactRef> leaf(MapInput in, Map<String, PoolTally> tallies) {
    MapWork work = in.work();
    ChunkRange range = in.range();
    int n = range.to() - range.from();
    int first = in.done().size();
    // slices of the table, or (in maps split before slices, and in their replays) copied chunks' URIs
    List<String> chunks = map.chunks(new ChunkRange(range.manifest(), range.from() + first, range.to()))
        .itemValues();
    ArtifactRef[] results = new ArtifactRef[n];
    for (int i = 0; i < first; i++) {
      results[i] = in.done().get(i);
    }
    shown = results;
    int next = work.placement().spreads()
        ? new SpreadChunks(work, () -> signalled).run(range.from(), first, n, in.window(), chunks, results, tallies)
        : onOneQueue(in, first, n, chunks, results);
    if (next < n) {
      Workflow.continueAsNew(in.rescheduled(signalled).continuing(Arrays.asList(results).subList(0, next), List.copyOf(tallies.values())));
      return null;
    }
    return Arrays.asList(results);
  }

  /** Every chunk on the one queue the map was placed on (the control workers', or a pool's). */
  private static int onOneQueue(MapInput in, int first, int n, List<String> chunks, ArtifactRef[] results) {
    MapWork work = in.work();
    ChunkRange range = in.range();
    // placed on an accelerator pool, or on the control workers; one-queue maps were placed before pools reported
    // their pickup timeouts, so they keep the default
    ActivityOptions options = work.placement().taskQueue()
        .map(q -> ActivityPolicies.placedSteps(work.policy(), q, ActivityPolicies.POOL_PICKUP_TIMEOUT))
        .orElseGet(() -> ActivityPolicies.steps(work.policy()));
    StepActivities steps = Workflow.newActivityStub(StepActivities.class, options);
    return windowed(first, n, in.window(), results, i -> Async.function(steps::runStep,
        work.chunkCall(range.from() + i, chunks.get(i - first))).thenApply(StepOutput::output));
  }

  private List<ArtifactRef> inner(MapInput in, Map<String, PoolTally> tallies) {
    int start = in.range().from();
    int end = in.range().to();
    int size = Math.max(in.leafChunks(), (end - start + FANOUT - 1) / FANOUT);
    int rules = Workflow.getVersion(CHILD_WINDOW_CHANGE, Workflow.DEFAULT_VERSION, STAGGERED_CHILDREN);
    List<int[]> ranges;
    int concurrent;
    if (rules == Workflow.DEFAULT_VERSION) {
      // as first released: as many children as the window allows, often with a window of 1 each
      ranges = ChildRanges.even(start, end, size);
      concurrent = Math.min(ranges.size(), in.window());
    } else {
      // fewer children with wider windows: a leaf's workflow task handles all the completions that arrived while
      // the previous one ran, so the wider its window, the fewer workflow tasks (server writes and worker round
      // trips) per activity (measured in bench/README.md, overhead scenario)
      int minimum = rules == 1 ? MIN_CHILD_WINDOW_V1 : MIN_CHILD_WINDOW;
      int shares = Math.max(1, in.window() / minimum);
      // from version 3 the children that share the window hand over at different times (ChildRanges)
      ranges = rules >= STAGGERED_CHILDREN ? ChildRanges.staggered(start, end, size, shares, in.leafChunks())
          : ChildRanges.even(start, end, size);
      concurrent = Math.max(1, Math.min(ranges.size(), shares));
    }
    int childWindow = Math.max(1, in.window() / concurrent);
    ArtifactRef[] results = new ArtifactRef[ranges.size()];
    shown = results;
    chunksAt = i -> ranges.get(i)[1] - ranges.get(i)[0];
    String parent = Workflow.getInfo().getWorkflowId();
    int window = childWindow;
    windowed(0, ranges.size(), concurrent, results, i -> {
      int[] r = ranges.get(i);
      MapWorkflow child = Workflow.newChildWorkflowStub(MapWorkflow.class, ChildWorkflowOptions.newBuilder()
          .setWorkflowId(parent + "/" + r[0] + "-" + r[1]).build());
      runningChildren.put(i, child);
      return Async.function(child::run, in.rescheduled(signalled).child(r[0], r[1], window, concurrent))
          .thenApply(result -> {
            runningChildren.remove(i);
            PoolTally.addAll(tallies, result.use());
            return result.table();
          });
    });
    return Arrays.asList(results);
  }

  /**
   * Starts work [from, n) at most {@code window} at a time, storing each result at its index. Stops starting new
   * work on a permanent failure or when history should be cut (continue-as-new), drains what is in flight, and
   * returns how far the contiguous prefix of finished work reaches.
   */
  private static int windowed(int from, int n, int window, ArtifactRef[] results, IntFunction<Promise<ArtifactRef>> start) {
    Map<Integer, Promise<ArtifactRef>> running = new LinkedHashMap<>();
    int next = from;
    String failure = null;
    boolean drain = false;
    while (next < n || !running.isEmpty()) {
      while (failure == null && !drain && running.size() < window && next < n) {
        running.put(next, start.apply(next));
        next++;
      }
      if (running.isEmpty()) {
        break;
      }
      Workflow.await(() -> running.values().stream().anyMatch(Promise::isCompleted));
      for (Integer i : List.copyOf(running.keySet())) {
        Promise<ArtifactRef> p = running.get(i);
        if (!p.isCompleted()) {
          continue;
        }
        running.remove(i);
        try {
          results[i] = p.get();
        } catch (ActivityFailure | ChildWorkflowFailure e) {
          if (failure == null) {
            failure = "chunk " + i + " failed: " + rootMessage(e);
          }
        }
      }
      drain = drain || HistoryBudget.exceeded(0);
    }
    if (failure != null) {
      throw ApplicationFailure.newNonRetryableFailure(failure, "MapChunkFailed");
    }
    return next;
  }

  private static String rootMessage(Throwable t) {
    String message = t.getMessage();
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ApplicationFailure af) {
        message = af.getOriginalMessage();
      }
    }
    return message;
  }
}

package io.nightshift.bench.cluster;

import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed batch: {@code tasks} tasks submitted at once through the API, each a map of {@code itemsPerTask} items on
 * {@code simulated.work}, one item per chunk, each item holding one unit of the workers' pool for
 * {@code stepSeconds}. Waits for every task to end, then checks the results item by item.
 */
final class Batch {
  private static final Pattern ITEM_RUN = Pattern.compile("running step 'work\\[(\\d+)]' of task (\\S+)");

  /** What one batch did. */
  record Outcome(int submitted, int succeeded, int failed, double wallSeconds, ItemTally items, int itemRuns) {}

  private final String prefix;
  private final int tasks;
  private final int itemsPerTask;
  private final double stepSeconds;
  private final int window;

  /** @param window items of one task in flight at most (its map's max_parallel) */
  Batch(String prefix, int tasks, int itemsPerTask, double stepSeconds, int window) {
    this.prefix = prefix;
    this.tasks = tasks;
    this.itemsPerTask = itemsPerTask;
    this.stepSeconds = stepSeconds;
    this.window = window;
  }

  int items() {
    return tasks * itemsPerTask;
  }

  /** Writes the inputs and submits every task; returns task id to its item ids, and stamps the start. */
  Running submit(LocalCluster cluster, AdminApi api) throws IOException, InterruptedException {
    Map<String, List<String>> byTask = new LinkedHashMap<>();
    List<String> yamls = new ArrayList<>();
    List<List<String>> ids = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      String file = prefix + "-" + t + ".csv";
      List<String> mine = new ArrayList<>();
      StringBuilder csv = new StringBuilder("id,work\n");
      for (int i = 0; i < itemsPerTask; i++) {
        String id = prefix + "-t" + t + "-i" + i;
        mine.add(id);
        csv.append(id).append(',').append(String.format(Locale.ROOT, "%.3f", stepSeconds)).append('\n');
      }
      Files.writeString(cluster.dataDir().resolve("inputs").resolve(file), csv);
      yamls.add(yaml(prefix + "-" + t, file));
      ids.add(mine);
    }
    long start = System.currentTimeMillis();
    for (int t = 0; t < tasks; t++) {
      byTask.put(api.submit(yamls.get(t), 120_000), ids.get(t));
    }
    return new Running(byTask, start);
  }

  private String yaml(String name, String file) {
    return String.format(Locale.ROOT, """
        name: %s
        steps:
          - {name: load, tool: data.read_csv, params: {source: "file:%s"}}
          - name: work
            kind: map
            tool: simulated.work
            over: "${steps.load.output}"
            chunk_size: 1
            max_parallel: %d
            item_param: input
            requires: {units: 1, estimate: %ds}
            needs: [load]
        """, name, file, window, Math.max(1, Math.round(stepSeconds)));
  }

  /** A submitted batch. */
  record Running(Map<String, List<String>> itemsByTask, long startMillis) {
    /** Polls until every task has ended (the api may be down meanwhile), then reads and checks the results. */
    Outcome await(AdminApi api, List<RoleJvm> workers, long timeoutMillis) throws IOException, InterruptedException {
      long deadline = System.currentTimeMillis() + timeoutMillis;
      Map<String, Task> ended = new LinkedHashMap<>();
      while (ended.size() < itemsByTask.size()) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException((itemsByTask.size() - ended.size()) + " task(s) still running after "
              + timeoutMillis / 1000 + " s");
        }
        for (String id : itemsByTask.keySet()) {
          if (!ended.containsKey(id)) {
            Task t = api.getOrNull(id);
            if (t != null && terminal(t.getState())) {
              ended.put(id, t);
            }
          }
        }
        Thread.sleep(250);
      }
      long end = ended.values().stream().mapToLong(t -> t.getEndedAt().getSeconds() * 1000
          + t.getEndedAt().getNanos() / 1_000_000).max().orElseThrow();
      List<String> submitted = new ArrayList<>();
      List<String> returned = new ArrayList<>();
      int succeeded = 0;
      for (Map.Entry<String, Task> e : ended.entrySet()) {
        submitted.addAll(itemsByTask.get(e.getKey()));
        Task t = e.getValue();
        if (t.getState() == TaskState.TASK_STATE_SUCCEEDED) {
          succeeded++;
          Table result = Csv.parse(api.readArtifact(t.getId(), t.getResult().getDigest()));
          int idColumn = result.column("id");
          result.rows().forEach(r -> returned.add(r.get(idColumn)));
        } else {
          System.out.println("  task " + t.getId() + " ended " + t.getState() + ": " + t.getError());
        }
      }
      return new Outcome(itemsByTask.size(), succeeded, itemsByTask.size() - succeeded,
          (end - startMillis) / 1000.0, ItemTally.of(submitted, returned), itemRuns(workers));
    }

    /** Item runs the workers logged for this batch's tasks: more than the items when a chunk ran twice. */
    private int itemRuns(List<RoleJvm> workers) throws IOException {
      int runs = 0;
      for (RoleJvm w : workers) {
        Matcher m = ITEM_RUN.matcher(w.log());
        while (m.find()) {
          if (itemsByTask.containsKey(m.group(2))) {
            runs++;
          }
        }
      }
      return runs;
    }

    /** The worker with the most of this batch's items started and not yet finished, per its log. */
    RoleJvm busiest(List<RoleJvm> workers) throws IOException {
      RoleJvm best = workers.get(0);
      int most = -1;
      for (RoleJvm w : workers) {
        String log = w.log();
        int inFlight = count(ITEM_RUN, log) - count(Pattern.compile("finished step 'work\\[(\\d+)]' of task (\\S+)"),
            log);
        if (inFlight > most) {
          most = inFlight;
          best = w;
        }
      }
      return best;
    }

    private int count(Pattern p, String log) {
      Matcher m = p.matcher(log);
      int n = 0;
      while (m.find()) {
        if (itemsByTask.containsKey(m.group(2))) {
          n++;
        }
      }
      return n;
    }
  }

  private static boolean terminal(TaskState s) {
    return s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED
        || s == TaskState.TASK_STATE_CANCELLED;
  }
}

package io.nightshift.bench.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker's log says about the tool steps it ran: each start ("running step 'S' of task T") and each end
 * with the runtime's own measure of the step ("finished step 'S' of task T in N ms"). Agent steps run as model
 * turns, not through this log line, so they are not in it.
 */
public final class StepLog {
  private static final Pattern RUN = Pattern.compile("running step '([^']+)' of task (\\S+) ");
  private static final Pattern FINISH = Pattern.compile("finished step '([^']+)' of task (\\S+) in (\\d+) ms");

  private StepLog() {}

  /** One "task/step" key per start logged, a step started twice (re-executed) appearing twice. */
  public static List<String> starts(String log) {
    List<String> keys = new ArrayList<>();
    Matcher m = RUN.matcher(log);
    while (m.find()) {
      keys.add(m.group(2) + "/" + m.group(1));
    }
    return keys;
  }

  /** Each finished step's duration in milliseconds, as the worker measured it. */
  public static List<Long> durationsMillis(String log) {
    List<Long> ms = new ArrayList<>();
    Matcher m = FINISH.matcher(log);
    while (m.find()) {
      ms.add(Long.parseLong(m.group(3)));
    }
    return ms;
  }

  /** Steps started and not finished in this log: at a SIGKILL, the ones whose re-execution is expected. */
  public static int inFlight(String log) {
    Set<String> finished = new HashSet<>();
    Matcher m = FINISH.matcher(log);
    while (m.find()) {
      finished.add(m.group(2) + "/" + m.group(1));
    }
    // a step that failed and retried logs a second start; counting distinct open keys counts it once
    Set<String> open = new HashSet<>(starts(log));
    open.removeAll(finished);
    return open.size();
  }

  /** Starts beyond the first of each step, over every worker's log: the re-executions. */
  public static int reExecutions(List<String> logs) {
    List<String> all = new ArrayList<>();
    logs.forEach(l -> all.addAll(starts(l)));
    return all.size() - new HashSet<>(all).size();
  }
}

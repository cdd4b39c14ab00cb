package io.nightshift.bench.agents;

import com.google.protobuf.Timestamp;
import io.nightshift.bench.engine.Stats;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an agent's time went, from its Temporal history: workflow start to the model activity being scheduled
 * (first workflow task), schedule to start (waiting for a worker's poll), start to close (the bulkhead wait plus the
 * HTTP call), and close to workflow completion (the last workflow task). Medians and maxima over a run's agents.
 */
final class AgentTimeline {
  private AgentTimeline() {}

  static String of(WorkflowClient client, String runId, int agents) {
    List<Double> toScheduled = new ArrayList<>();
    List<Double> toStarted = new ArrayList<>();
    List<Double> running = new ArrayList<>();
    List<Double> toDone = new ArrayList<>();
    List<Double> events = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      List<HistoryEvent> history = client.fetchHistory(runId + "-" + i).getHistory().getEventsList();
      events.add((double) history.size());
      Timestamp start = history.get(0).getEventTime();
      Timestamp scheduled = null;
      Timestamp started = null;
      Timestamp closed = null;
      for (HistoryEvent e : history) {
        if (e.hasActivityTaskScheduledEventAttributes() && scheduled == null) {
          scheduled = e.getEventTime();
        } else if (e.hasActivityTaskStartedEventAttributes() && started == null) {
          started = e.getEventTime();
        } else if (e.hasActivityTaskCompletedEventAttributes() && closed == null) {
          closed = e.getEventTime();
        }
      }
      Timestamp end = history.get(history.size() - 1).getEventTime();
      if (scheduled != null && started != null && closed != null) {
        toScheduled.add(seconds(start, scheduled));
        toStarted.add(seconds(scheduled, started));
        running.add(seconds(started, closed));
        toDone.add(seconds(closed, end));
      }
    }
    return String.format(Locale.ROOT, "timeline (s, median (min-max)): start->scheduled %s | scheduled->started %s"
        + " | started->closed %s | closed->done %s | events %s", Stats.describe(toScheduled, "%.2f"),
        Stats.describe(toStarted, "%.2f"), Stats.describe(running, "%.2f"), Stats.describe(toDone, "%.2f"),
        Stats.describe(events, "%.0f"));
  }

  private static double seconds(Timestamp a, Timestamp b) {
    return (b.getSeconds() - a.getSeconds()) + (b.getNanos() - a.getNanos()) / 1e9;
  }
}

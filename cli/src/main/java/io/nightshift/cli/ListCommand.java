package io.nightshift.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.ListTasksResponse;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List tasks, newest first; the filters given"
    + " must all match.")
final class ListCommand extends ClientCommand {
  @Option(names = "--limit", description = "at most this many tasks (default: ${DEFAULT-VALUE})", defaultValue = "50")
  int limit;

  @Option(names = "--state", paramLabel = "STATE", converter = StateName.class, description = "only tasks in this"
      + " state: planning, running, paused, awaiting_approval, succeeded, failed, cancelled (repeatable: any of them)")
  List<TaskState> states = new ArrayList<>();

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "only tasks with this label (repeatable: all of"
      + " them)")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(names = "--pipeline", paramLabel = "NAME", description = "only tasks of this pipeline", defaultValue = "")
  String pipeline;

  @Option(names = "--since", paramLabel = "TIME", converter = TimeBound.class, description = "only tasks created at"
      + " or after TIME: RFC 3339 (2026-12-05T08:00:00Z) or a span back from now (90m, 2h, 7d)")
  Instant since;

  @Option(names = "--until", paramLabel = "TIME", converter = TimeBound.class, description = "only tasks created"
      + " before TIME, given as for --since")
  Instant until;

  @Override
  int run(NightshiftClient client, PrintWriter out) {
    ListTasksRequest.Builder filters = ListTasksRequest.newBuilder().addAllStates(states).putAllLabels(labels)
        .setPipeline(pipeline);
    if (since != null) {
      filters.setCreatedAfter(timestamp(since));
    }
    if (until != null) {
      filters.setCreatedBefore(timestamp(until));
    }
    ByteString token = ByteString.EMPTY;
    int shown = 0;
    out.printf("%-42s %-10s %-20s %-20s %s%n", "ID", "STATE", "PIPELINE", "CREATED", "LABELS");
    do {
      // every page with the same filters: the API refuses a token used with others
      ListTasksResponse page = client.list(filters.clone().setPageSize(Math.min(100, limit - shown))
          .setPageToken(token).build());
      for (Task t : page.getTasksList()) {
        out.printf("%-42s %-10s %-20s %-20s %s%n", t.getId(), TaskPrinter.state(t), t.getPipeline(),
            Instant.ofEpochSecond(t.getCreatedAt().getSeconds()), labels(t));
        shown++;
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty() && shown < limit);
    return 0;
  }

  private static String labels(Task t) {
    return new TreeMap<>(t.getLabelsMap()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  /** A state as people type it: running, RUNNING or TASK_STATE_RUNNING. */
  static final class StateName implements ITypeConverter<TaskState> {
    @Override
    public TaskState convert(String value) {
      String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        TaskState state = TaskState.valueOf(name.startsWith("TASK_STATE_") ? name : "TASK_STATE_" + name);
        if (state != TaskState.UNRECOGNIZED && state != TaskState.TASK_STATE_UNSPECIFIED) {
          return state;
        }
      } catch (IllegalArgumentException e) {
        // named below
      }
      throw new TypeConversionException("'" + value + "' is not a task state: planning, running, paused,"
          + " awaiting_approval, succeeded, failed, cancelled");
    }
  }
}

package io.nightshift.cli;

import com.google.protobuf.ByteString;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.ListTasksResponse;
import io.nightshift.api.v1.Task;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List tasks, newest first.")
final class ListCommand extends ClientCommand {
  @Option(names = "--limit", description = "at most this many tasks (default: ${DEFAULT-VALUE})", defaultValue = "50")
  int limit;

  @Override
  int run(NightshiftClient client, PrintWriter out) {
    ByteString token = ByteString.EMPTY;
    int shown = 0;
    out.printf("%-42s %-10s %-20s %s%n", "ID", "STATE", "PIPELINE", "CREATED");
    do {
      ListTasksResponse page = client.list(ListTasksRequest.newBuilder()
          .setPageSize(Math.min(100, limit - shown)).setPageToken(token).build());
      for (Task t : page.getTasksList()) {
        out.printf("%-42s %-10s %-20s %s%n", t.getId(), TaskPrinter.state(t), t.getPipeline(),
            Instant.ofEpochSecond(t.getCreatedAt().getSeconds()));
        shown++;
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty() && shown < limit);
    return 0;
  }
}

package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Channel;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing by tenant where Temporal has no visibility queries (the in-memory fallback server): the open and closed
 * lists are filtered by each task's memo before they are paged.
 */
class TenantListingOnInMemoryServerTest {
  private static final String PIPELINE = "name: listed\nsteps:\n  - {name: gate, tool: table.describe,"
      + " params: {input: \"x\"}, approval: required}\n";

  @TempDir Path dataDir;

  @Test
  void shouldListEachTenantsTasksToThatTenantAloneAndPageThem() throws Exception {
    try (ApiRuntimeOnSocket api = ApiRuntimeOnSocket.start(dataDir)) {
      TokenStore tokens = new TokenStore(api.config().tokenStoreFile(), Clock.systemUTC());
      Channel lab = api.channelWith(tokens.create("lab", AccessRole.SUBMITTER, Optional.empty()).bearer());
      for (String id : List.of("lab-1", "lab-2", "lab-3")) {
        submit(lab, id);
      }
      submit(api.channel(), "default-1");

      List<String> firstPage = ids(lab, 2);
      assertThat(firstPage).hasSize(2).allMatch(id -> id.startsWith("lab-"));
      assertThat(ids(lab, 50)).containsExactlyInAnyOrder("lab-1", "lab-2", "lab-3");
      assertThat(ids(api.channel(), 50)).containsExactly("default-1");
    }
  }

  private static void submit(Channel channel, String id) {
    TaskServiceGrpc.newBlockingStub(channel).submitTask(SubmitTaskRequest.newBuilder().setTaskId(id)
        .setSpec(TaskSpec.newBuilder().setGoal("listing").setPipelineYaml(PIPELINE)).build());
  }

  private static List<String> ids(Channel channel, int pageSize) {
    return TaskServiceGrpc.newBlockingStub(channel).listTasks(ListTasksRequest.newBuilder().setPageSize(pageSize)
        .build()).getTasksList().stream().map(Task::getId).toList();
  }
}

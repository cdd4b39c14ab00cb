package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.memory.Notebook;
import io.nightshift.core.memory.NotebookScope;
import io.nightshift.workflows.agent.MemoryScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which notebook an agent's tool call gets: from its workflow's identity and its task's scope, never wider. */
class AgentNotebooksTest {
  private final List<NotebookScope> opened = new ArrayList<>();
  private final AgentNotebooks notebooks = new AgentNotebooks(scope -> {
    opened.add(scope);
    return Optional.empty();
  });

  @Test
  void shouldOpenTheTasksScopeInTheAgentsNamespaceForTheMemoryToolsOnly() {
    notebooks.forCall("memory.save", MemoryScope.shared("task-1", "team"), "tenant-a", "task-1/scout");
    notebooks.forCall("memory.search", MemoryScope.ofStep("task-1", "scout"), "tenant-a", "task-1/scout/resumed-2");
    notebooks.forCall("memory.search", MemoryScope.ofAgent("solo"), "default", "solo");
    notebooks.forCall("artifact.read", MemoryScope.shared("task-1", "team"), "tenant-a", "task-1/scout");

    assertThat(opened).containsExactly(new NotebookScope("tenant-a", "task-1", "shared:team"),
        new NotebookScope("tenant-a", "task-1", "step:scout"), new NotebookScope("default", "solo", "agent"));
    assertThat(Notebook.TOOLS).containsExactlyInAnyOrder("memory.save", "memory.search");
  }

  @Test
  void shouldRefuseAScopeOfATaskTheAgentDoesNotBelongTo() {
    for (String workflowId : List.of("task-2/scout", "task-10/scout", "task-1x/scout", "task")) {
      assertThatThrownBy(() -> notebooks.forCall("memory.search", MemoryScope.shared("task-1", "team"), "default",
          workflowId)).as(workflowId).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("asked for the memory of task 'task-1'");
    }
    assertThat(opened).isEmpty();
  }
}

package io.nightshift.runtime.agent;

import io.nightshift.core.memory.Notebook;
import io.nightshift.core.memory.NotebookScope;
import io.nightshift.core.memory.Notebooks;
import io.nightshift.workflows.agent.MemoryScope;
import java.util.Optional;

/**
 * Opens an agent's notebook for one tool call, from the runtime's view of who is calling: the namespace (tenant) and
 * the workflow id of the agent's own workflow, which Temporal gives the activity, and the scope its task gave it
 * ({@link MemoryScope}). The model's arguments play no part. The memory tools alone get it: other tools have no
 * business with an agent's notes.
 */
final class AgentNotebooks {
  private final Notebooks notebooks;

  AgentNotebooks(Notebooks notebooks) {
    this.notebooks = notebooks;
  }

  /**
   * @param tool       the tool called
   * @param scope      the agent's scope, from its workflow
   * @param namespace  the namespace the agent's workflow runs in
   * @param workflowId the agent's workflow id: an agent step's is {@code taskId/step} (or {@code
   *                   taskId/step/resumed-N}), an agent started on its own is its own task
   * @throws IllegalStateException when the scope names a task the agent does not belong to: a bug upstream, refused
   *                               rather than let one task read another's notes
   */
  Optional<Notebook> forCall(String tool, MemoryScope scope, String namespace, String workflowId) {
    if (!Notebook.TOOLS.contains(tool)) {
      return Optional.empty();
    }
    if (!belongsTo(workflowId, scope.taskId())) {
      throw new IllegalStateException("agent workflow '" + workflowId + "' asked for the memory of task '"
          + scope.taskId() + "', which it does not belong to; a scope never crosses tasks");
    }
    return notebooks.open(new NotebookScope(namespace, scope.taskId(), scope.name()));
  }

  static boolean belongsTo(String workflowId, String taskId) {
    return workflowId.equals(taskId) || workflowId.startsWith(taskId + "/");
  }
}

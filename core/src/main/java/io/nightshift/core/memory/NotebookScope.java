package io.nightshift.core.memory;

import java.util.Objects;

/**
 * Whose notes: a scope belongs to one task of one tenant, so notes never cross tasks or tenants, and within the task
 * to one agent step or to a name that several of its steps share. The runtime builds it from the calling agent's
 * identity (its workflow's namespace and task), never from a model's arguments.
 *
 * @param namespace the Temporal namespace the task runs in (one per tenant)
 * @param taskId    the task
 * @param name      within the task: {@code step:NAME} for one agent step's own notes, {@code shared:NAME} for a scope
 *                  its pipeline lets several steps share
 */
public record NotebookScope(String namespace, String taskId, String name) {
  public NotebookScope {
    requireText(namespace, "namespace");
    requireText(taskId, "taskId");
    requireText(name, "name");
  }

  /** One line that tells scopes apart: no part can contain a line break, so no two scopes give the same key. */
  public String key() {
    return namespace + "\n" + taskId + "\n" + name;
  }

  @Override
  public String toString() {
    return "memory scope '" + name + "' of task " + taskId + " in namespace " + namespace;
  }

  private static void requireText(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.contains("\n") || value.contains("\r")) {
      throw new IllegalArgumentException(field + " must be non-blank text on one line, was '" + value + "'");
    }
  }
}

package io.nightshift.api;

import io.nightshift.api.v1.ArtifactRef;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskArtifact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A task's artifacts, read from its view (GetTask's: steps' outputs, the result, any other reference it names) and,
 * for its agent steps, from their conversations (transcript and compactions). Both ListArtifacts and ReadArtifact
 * ask it, so what is listed is what can be read.
 */
final class TaskArtifactIndex implements TaskArtifacts {
  private static final String AGENT = "agent";
  private final TaskNamespaces namespaces;

  TaskArtifactIndex(TaskNamespaces namespaces) {
    this.namespaces = namespaces;
  }

  @Override
  public List<TaskArtifact> list(String taskId, TenantScope scope) {
    TaskNamespace namespace = namespaces.of(scope);
    Task view = namespace.reader().get(taskId, scope);
    List<TaskArtifact> out = new ArrayList<>();
    for (Step step : view.getStepsList()) {
      if (!step.getOutput().getDigest().isEmpty()) {
        out.add(artifact(step.getName(), TaskArtifactKinds.OUTPUT, step.getOutput()));
      }
      if (AGENT.equals(step.getKind())) {
        namespace.conversations().ifPresent(c -> out.addAll(c.artifacts(taskId, step.getName())));
      }
    }
    if (!view.getResult().getDigest().isEmpty()) {
      out.add(artifact("", TaskArtifactKinds.RESULT, view.getResult()));
    }
    Set<String> listed = new HashSet<>();
    out.forEach(a -> listed.add(a.getRef().getDigest()));
    // a reference the view names elsewhere (a field added later) stays readable, and so is listed too
    for (ArtifactRef ref : ArtifactRefs.refs(view).values()) {
      if (listed.add(ref.getDigest())) {
        out.add(artifact("", TaskArtifactKinds.OTHER, ref));
      }
    }
    return out;
  }

  /** Answers from the view when it names the digest, so reading a step's output asks no agent workflow. */
  @Override
  public boolean names(String taskId, TenantScope scope, String digest) {
    TaskNamespace namespace = namespaces.of(scope);
    if (ArtifactRefs.in(namespace.reader().get(taskId, scope)).contains(digest)) {
      return true;
    }
    return TaskArtifacts.super.names(taskId, scope, digest);
  }

  private static TaskArtifact artifact(String step, String kind, ArtifactRef ref) {
    return TaskArtifact.newBuilder().setStep(step).setKind(kind).setRef(ref).build();
  }
}

package io.nightshift.api.audit;

import io.nightshift.api.edge.BoundedText;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.ForkTaskResponse;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.RejectTaskRequest;
import io.nightshift.api.v1.ResumeTaskRequest;
import io.nightshift.api.v1.SteerTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.SubmitTaskResponse;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.runtime.audit.AuditTarget;
import io.nightshift.runtime.audit.TextDigest;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the audit log keeps of a call's request: the task and step it named, and a bounded summary. Identifiers
 * (ids, step and pipeline names, budgets) are kept, clipped like every value the API quotes back; free text (goal,
 * guidance, comments, reasons, inline pipelines) only as a {@link TextDigest}; pipeline parameters by name only,
 * since their values are task input. A submit's labels and idempotency key are identifiers, kept.
 *
 * @param target  what the call acted on
 * @param details the summary, by key
 */
record CallSummary(AuditTarget target, Map<String, String> details) {
  /** A request that did not parse: nothing of it is known. */
  static final CallSummary UNREADABLE = new CallSummary(AuditTarget.UNKNOWN, Map.of());

  /** The summary of {@code request}; {@code response} is what the call answered, if it answered. */
  static CallSummary of(Object request, Optional<Object> response) {
    Map<String, String> details = new TreeMap<>();
    if (request instanceof SubmitTaskRequest submit) {
      String id = response.filter(SubmitTaskResponse.class::isInstance).map(r -> ((SubmitTaskResponse) r).getTaskId())
          .orElse(submit.getTaskId());
      spec(submit.getSpec(), details);
      putQuoted(details, "idempotency_key", submit.getIdempotencyKey());
      return new CallSummary(task(id, null), details);
    }
    if (request instanceof ForkTaskRequest fork) {
      putQuoted(details, "new_task_id", response.filter(ForkTaskResponse.class::isInstance)
          .map(r -> ((ForkTaskResponse) r).getTaskId()).orElse(fork.getNewTaskId()));
      params(fork.getParamsMap(), details);
      labels(fork.getLabelsMap(), details);
      return new CallSummary(task(fork.getTaskId(), fork.getFromStep()), details);
    }
    if (request instanceof ApproveTaskRequest approve) {
      if (approve.getMaxTokens() != 0) {
        details.put("max_tokens", String.valueOf(approve.getMaxTokens()));
      }
      putQuoted(details, "max_cost", approve.getMaxCost());
      decision(approve.getBy(), approve.getComment(), details);
      return new CallSummary(task(approve.getTaskId(), approve.getStep()), details);
    }
    if (request instanceof RejectTaskRequest reject) {
      decision(reject.getBy(), reject.getComment(), details);
      return new CallSummary(task(reject.getTaskId(), reject.getStep()), details);
    }
    if (request instanceof SteerTaskRequest steer) {
      putDigest(details, "guidance", steer.getGuidance());
      return new CallSummary(task(steer.getTaskId(), null), details);
    }
    if (request instanceof PauseTaskRequest pause) {
      putDigest(details, "reason", pause.getReason());
      return new CallSummary(task(pause.getTaskId(), null), details);
    }
    if (request instanceof CancelTaskRequest cancel) {
      putDigest(details, "reason", cancel.getReason());
      return new CallSummary(task(cancel.getTaskId(), null), details);
    }
    if (request instanceof ResumeTaskRequest resume) {
      return new CallSummary(task(resume.getTaskId(), null), details);
    }
    return UNREADABLE;
  }

  private static void spec(TaskSpec spec, Map<String, String> details) {
    putDigest(details, "goal", spec.getGoal());
    if (spec.hasPipelineName()) {
      putQuoted(details, "pipeline", spec.getPipelineName());
    } else if (spec.hasPipelineYaml()) {
      details.put("pipeline", "inline");
      putDigest(details, "pipeline_yaml", spec.getPipelineYaml());
    }
    params(spec.getParamsMap(), details);
    labels(spec.getLabelsMap(), details);
  }

  /** Parameters by name only: their values are task input. */
  private static void params(Map<String, String> params, Map<String, String> details) {
    if (!params.isEmpty()) {
      details.put("params", BoundedText.quoted(String.join(",", new TreeSet<>(params.keySet()))));
    }
  }

  private static void labels(Map<String, String> labels, Map<String, String> details) {
    if (!labels.isEmpty()) {
      // labels are identifiers people filter by, not task input: kept whole (clipped)
      details.put("labels", BoundedText.quoted(String.join(",", new TreeMap<>(labels).entrySet()
          .stream().map(e -> e.getKey() + "=" + e.getValue()).toList())));
    }
  }

  /** {@code by} is who the caller says decided; it is theirs to claim, so it is kept beside the actor, not as it. */
  private static void decision(String by, String comment, Map<String, String> details) {
    putQuoted(details, "by", by);
    putDigest(details, "comment", comment);
  }

  private static AuditTarget task(String id, String step) {
    return new AuditTarget(id.isEmpty() ? null : BoundedText.quoted(id),
        step == null || step.isEmpty() ? null : BoundedText.quoted(step));
  }

  private static void putQuoted(Map<String, String> details, String key, String value) {
    if (!value.isEmpty()) {
      details.put(key, BoundedText.quoted(value));
    }
  }

  private static void putDigest(Map<String, String> details, String key, String text) {
    if (!text.isEmpty()) {
      details.put(key, TextDigest.of(text));
    }
  }
}

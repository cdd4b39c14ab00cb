package io.nightshift.runtime.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One call to record, as its recorder knows it; the writer adds the sequence number, the time and the chain.
 *
 * @param details a bounded summary of what the call asked for (a pipeline name, a digest of the goal, a budget),
 *                never the whole input and never a secret: free text goes in as a {@link TextDigest}
 */
public record AuditEntry(AuditActor actor, AuditAction action, AuditTarget target, AuditOutcome outcome,
    Map<String, String> details) {
  public AuditEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
    details = Map.copyOf(details);
  }
}

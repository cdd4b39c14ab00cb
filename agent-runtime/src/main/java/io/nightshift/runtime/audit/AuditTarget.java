package io.nightshift.runtime.audit;

/**
 * What a call acted on.
 *
 * @param task the task id; null where the call named none (a submit refused before an id was chosen, a request
 *             that did not parse)
 * @param step the step (an approval gate) the call named; null for calls on the whole task
 */
public record AuditTarget(String task, String step) {
  public static final AuditTarget UNKNOWN = new AuditTarget(null, null);

  public static AuditTarget task(String task) {
    return new AuditTarget(task, null);
  }
}

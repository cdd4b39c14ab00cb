package io.nightshift.runtime.egress;

import io.nightshift.core.egress.EgressRefusals;
import io.nightshift.core.egress.EgressRefusedException;
import io.nightshift.runtime.audit.AuditAction;
import io.nightshift.runtime.audit.AuditActor;
import io.nightshift.runtime.audit.AuditEntry;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.audit.AuditOutcome;
import io.nightshift.runtime.audit.AuditTarget;
import io.nightshift.runtime.audit.TextDigest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each refused outbound connection in the audit log: who tried (the tool or model client, in this
 * process), from which workflow and activity, to which host. The actor is the client, and its peer this process,
 * since no API caller is behind a worker's connection. Only the URL's scheme, host and port are kept; its path and
 * query may carry what was about to be sent, so only their digest is. A log that cannot take the record is an
 * error in the log, never a reason to let the connection through: the refusal is thrown either way.
 */
public final class EgressAudit implements EgressRefusals {
  private static final Logger log = LoggerFactory.getLogger(EgressAudit.class);
  /** The reason kept in a record: one sentence naming the host and its addresses. */
  private static final int MAX_REASON = 512;

  private final AuditLogWriter audit;
  private final String process;

  /** @param process how the record names this process as the actor's peer, e.g. {@code pid@host} */
  public EgressAudit(AuditLogWriter audit, String process) {
    this.audit = audit;
    this.process = process;
  }

  @Override
  public void refused(String client, URI url, EgressRefusedException refusal) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("client", client);
    details.put("destination", destination(url));
    String rest = Optional.ofNullable(url.getRawPath()).orElse("") + Optional.ofNullable(url.getRawQuery())
        .map(q -> "?" + q).orElse("");
    if (!rest.isEmpty() && !rest.equals("/")) {
      details.put("path_digest", TextDigest.of(rest));
    }
    AuditTarget target = AuditTarget.UNKNOWN;
    Optional<ActivityInfo> activity = currentActivity();
    if (activity.isPresent()) {
      target = AuditTarget.task(activity.get().getWorkflowId());
      details.put("activity", activity.get().getActivityType());
    }
    String reason = refusal.reason();
    AuditOutcome outcome = new AuditOutcome(AuditOutcome.Result.REFUSED, "EGRESS_REFUSED",
        reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason);
    try {
      audit.append(new AuditEntry(new AuditActor(client, process, null, null, null), AuditAction.EGRESS, target,
          outcome, details));
    } catch (IOException | RuntimeException e) {
      log.error("egress refusal of {} by {} could not be recorded in the audit log {}: {}", destination(url), client,
          audit.file(), e.toString());
    }
  }

  private static String destination(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme() + "://";
    String host = url.getHost() == null ? String.valueOf(url.getAuthority()) : url.getHost();
    return scheme + host + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  /** The activity this thread runs, where it runs one: model and tool calls always do in a worker. */
  private static Optional<ActivityInfo> currentActivity() {
    try {
      return Optional.of(Activity.getExecutionContext().getInfo());
    } catch (IllegalStateException | NullPointerException e) {
      return Optional.empty(); // a check made outside an activity (a test, a start-up probe)
    }
  }
}

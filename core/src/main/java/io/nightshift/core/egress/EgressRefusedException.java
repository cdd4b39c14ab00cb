package io.nightshift.core.egress;

/**
 * A connection the egress policy does not allow. Never worth retrying: the same host stays outside the allow-list
 * until an operator changes the configuration and restarts. The message begins with {@value #MARKER}, the stable
 * text the audit trail looks for in the log.
 */
public final class EgressRefusedException extends RuntimeException {
  /** Begins every refusal's message and log line. */
  public static final String MARKER = "egress refused";

  private final String host;
  private final String refusal;
  private final String reason;

  EgressRefusedException(String host, String target, String reason, String allowList) {
    super(MARKER + ": " + target + ": " + reason + "; the allow-list is " + allowList);
    this.host = host;
    this.refusal = target + ": " + reason;
    this.reason = reason;
  }

  /** Why the host was refused, without the target (whose path and query may hold data) and the allow-list. */
  public String reason() {
    return reason;
  }

  /** What was refused and why, without the marker and the allow-list: for a message that lists several. */
  public String refusal() {
    return refusal;
  }

  /** The host refused, as the target named it. */
  public String host() {
    return host;
  }
}

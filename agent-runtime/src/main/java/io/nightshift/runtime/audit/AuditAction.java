package io.nightshift.runtime.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the audit log records: the API's state-changing calls, named as the CLI names them, and the outbound
 * connections the egress allow-list refused.
 */
public enum AuditAction {
  @JsonProperty("submit") SUBMIT,
  @JsonProperty("approve") APPROVE,
  @JsonProperty("reject") REJECT,
  @JsonProperty("steer") STEER,
  @JsonProperty("pause") PAUSE,
  @JsonProperty("resume") RESUME,
  @JsonProperty("cancel") CANCEL,
  /** A tool or model client tried to connect outside the egress allow-list, and was refused. */
  @JsonProperty("egress") EGRESS
}

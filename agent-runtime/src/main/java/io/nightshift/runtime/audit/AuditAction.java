package io.nightshift.runtime.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The state-changing calls the audit log records, named in it as the CLI names them. */
public enum AuditAction {
  @JsonProperty("submit") SUBMIT,
  @JsonProperty("approve") APPROVE,
  @JsonProperty("reject") REJECT,
  @JsonProperty("steer") STEER,
  @JsonProperty("pause") PAUSE,
  @JsonProperty("resume") RESUME,
  @JsonProperty("cancel") CANCEL
}

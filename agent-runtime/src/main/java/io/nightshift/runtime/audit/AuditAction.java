package io.nightshift.runtime.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the audit log records: the API's state-changing calls, named as the CLI names them, the outbound
 * connections the egress allow-list refused, and the codec server's {@code decode} (which shows sealed payloads in
 * the clear) and {@code encode} (which seals what a caller gives it with the deployment's key).
 */
public enum AuditAction {
  @JsonProperty("submit") SUBMIT,
  @JsonProperty("approve") APPROVE,
  @JsonProperty("reject") REJECT,
  @JsonProperty("steer") STEER,
  @JsonProperty("pause") PAUSE,
  @JsonProperty("resume") RESUME,
  @JsonProperty("cancel") CANCEL,
  /** A new task started from another's plan and kept results (ForkTask). */
  @JsonProperty("fork") FORK,
  /** A tool or model client tried to connect outside the egress allow-list, and was refused. */
  @JsonProperty("egress") EGRESS,
  /** The codec server opened payloads for Temporal's Web UI or CLI. */
  @JsonProperty("decode") DECODE,
  /** The codec server sealed payloads a caller gave it. */
  @JsonProperty("encode") ENCODE
}

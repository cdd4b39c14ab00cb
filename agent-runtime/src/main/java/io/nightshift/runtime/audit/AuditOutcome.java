package io.nightshift.runtime.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How a call ended.
 *
 * @param result {@code ok}; {@code refused} when the API turned the caller down (bad input, no such task, not in a
 *               state that allows it, not permitted); {@code failed} when it could not do what was asked (Temporal
 *               unreachable, an internal error, the call abandoned before an answer)
 * @param code   the gRPC status code's name ({@code NOT_FOUND}); null when ok
 * @param reason the status description, clipped; null when ok or when the status had none
 */
public record AuditOutcome(Result result, String code, String reason) {
  public enum Result {
    @JsonProperty("ok") OK,
    @JsonProperty("refused") REFUSED,
    @JsonProperty("failed") FAILED
  }

  public AuditOutcome {
    Objects.requireNonNull(result, "result");
  }

  public static AuditOutcome ok() {
    return new AuditOutcome(Result.OK, null, null);
  }
}

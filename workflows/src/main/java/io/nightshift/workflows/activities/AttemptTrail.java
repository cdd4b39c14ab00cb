package io.nightshift.workflows.activities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A failed step call's attempts, as the details of the failure its last attempt throws: the workflow learns from
 * them how each attempt went when Temporal gives up on the call (see {@link CallAttempts}).
 *
 * @param attempts oldest first, the failing one last, at most {@link CallAttempts#KEPT}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttemptTrail(List<AttemptSpan> attempts) {
  public AttemptTrail {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }
}

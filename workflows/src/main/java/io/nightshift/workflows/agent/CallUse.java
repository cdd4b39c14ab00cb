package io.nightshift.workflows.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What one model call of an agent used, recorded on the assistant message it produced, so a person reading the
 * conversation sees the tokens used against the window on each call. Either part is left out of the JSON where it
 * is not known, so each message says only what was known when it was made.
 *
 * @param endpoint the endpoint that served the call (a fallback where the asked one's circuit was open)
 * @param context  the prompt as measured before the call against the endpoint's window, and the turns left out of
 *                 view; null where the call was not measured (calls without a context policy, as recorded before)
 * @param reported the tokens the server reported; null where it reported none (some servers omit usage)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallUse(String endpoint, ContextUse context, Reported reported) {
  public CallUse {
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** Tokens one call used, as the server counted them. */
  public record Reported(long input, long output) {}
}

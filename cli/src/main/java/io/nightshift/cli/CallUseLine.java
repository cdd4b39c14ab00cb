package io.nightshift.cli;

import io.nightshift.api.v1.AgentCallUse;
import java.util.Locale;

/**
 * What one model call of an agent used, on one line, e.g. "prompt 1,743 of 2,048 tokens (85 %), 3 turn(s) out of
 * view; served by local: 1,800 in + 5 out". A figure that was not known is left out, never printed as 0: a call
 * made without measuring has no prompt part, a server that sent no usage gets "no usage reported". The web UI's
 * conversation ({@code callUseLine} in api's app.js) writes the same line.
 */
final class CallUseLine {
  private CallUseLine() {}

  static String of(AgentCallUse use) {
    StringBuilder line = new StringBuilder();
    if (use.hasPromptTokens()) {
      line.append(format("prompt %,d of %,d tokens", use.getPromptTokens(), use.getWindow()));
      if (use.getWindow() > 0) {
        line.append(format(" (%.0f %%)", 100.0 * use.getPromptTokens() / use.getWindow()));
      }
      if (use.getTurnsLeftOut() > 0) {
        line.append(format(", %,d turn(s) out of view", use.getTurnsLeftOut()));
      }
      line.append("; ");
    }
    line.append("served by ").append(use.getEndpoint());
    line.append(use.hasInputTokens()
        ? format(": %,d in + %,d out", use.getInputTokens(), use.getOutputTokens())
        : " (no usage reported)");
    return line.toString();
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}

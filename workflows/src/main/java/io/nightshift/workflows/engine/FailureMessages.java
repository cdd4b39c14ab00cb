package io.nightshift.workflows.engine;

import io.temporal.failure.ApplicationFailure;

/** The innermost useful message of a Temporal failure chain, for users (not a stack trace). */
public final class FailureMessages {
  private FailureMessages() {}

  public static String of(Throwable failure) {
    Throwable t = failure;
    String message = failure.getMessage();
    while (t != null) {
      if (t instanceof ApplicationFailure af) {
        message = af.getOriginalMessage();
      } else if (t.getCause() == null && t.getMessage() != null) {
        message = t.getMessage();
      }
      t = t.getCause();
    }
    return message;
  }
}

package io.nightshift.runtime.logging;

import java.util.Locale;

/** How a runtime process writes its log lines to stderr. */
public enum LogFormat {
  /** For people: time, level, logger, the task's id, step and attempt when the line is about one, the message. */
  TEXT,
  /** For log collectors: one JSON object a line ({@link JsonLineEncoder}). */
  JSON;

  /** The flag that chooses, and the environment variable behind its default. */
  public static final String FLAG = "--log-format";
  public static final String VARIABLE = "NIGHTSHIFT_LOG_FORMAT";

  /** The name {@code --log-format} takes (in any case) and logback.xml's encoder reads. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

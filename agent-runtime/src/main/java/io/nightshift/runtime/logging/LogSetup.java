package io.nightshift.runtime.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * Chooses the log format of this process. logback.xml's console encoder ({@link LogFormatEncoder}) writes the
 * format the system property {@value #PROPERTY} names (text when unset); this sets the property
 * and has logback read its configuration again, so it takes effect whether or not a line was logged already.
 */
public final class LogSetup {
  /** Read by logback.xml. */
  public static final String PROPERTY = "nightshift.log.format";

  private LogSetup() {}

  /** Writes every later line of this process in {@code format}. */
  public static void use(LogFormat format) {
    System.setProperty(PROPERTY, format.key());
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding (a host application's): it keeps its own format
    }
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException e) {
      throw new IllegalStateException("logback could not read its configuration again for --log-format "
          + format.key() + ": " + e.getMessage(), e);
    }
  }
}

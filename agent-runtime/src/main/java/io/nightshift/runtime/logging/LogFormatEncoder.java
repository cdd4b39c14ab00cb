package io.nightshift.runtime.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * The encoder logback.xml gives the console: {@code text} writes {@link #setPattern the pattern}, {@code json}
 * writes {@link JsonLineEncoder JSON lines}. One appender whose encoder chooses, rather than one appender per
 * format with the root logger naming one: logback warns about the appender left unused, and a warning makes it
 * print its whole configuration report on stderr at every start.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {
  private String format = LogFormat.TEXT.key();
  private String pattern;
  private Encoder<ILoggingEvent> chosen;

  /** {@code text} or {@code json} (logback.xml fills it from {@value LogSetup#PROPERTY}). */
  public void setFormat(String format) {
    this.format = format;
  }

  /** The text format's layout. */
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    LogFormat parsed = LogFormat.TEXT;
    try {
      parsed = LogFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // the CLI checks the flag; this is someone setting the property by hand: say so, and stay readable
      addError(LogSetup.PROPERTY + " is '" + format + "', which is not text or json; writing text");
    }
    if (parsed == LogFormat.JSON) {
      chosen = new JsonLineEncoder();
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setPattern(pattern);
      chosen = text;
    }
    chosen.setContext(getContext());
    chosen.start();
    super.start();
  }

  @Override
  public void stop() {
    if (chosen != null) {
      chosen.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return chosen.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return chosen.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return chosen.footerBytes();
  }
}

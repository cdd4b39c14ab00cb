package io.nightshift.runtime.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.nightshift.workflows.logging.TaskLogContext;
import java.util.Map;

/**
 * {@code %task} in the text format: {@code [TASK/STEP #ATTEMPT] } for a line about a task, nothing for the others,
 * so a person reading the console sees which task, step and try a line belongs to without columns of blanks.
 */
public final class TaskContextConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    String task = mdc.get(TaskLogContext.TASK_ID);
    if (task == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(64).append('[').append(task);
    String step = mdc.get(TaskLogContext.STEP);
    if (step != null) {
      out.append('/').append(step);
    }
    String attempt = mdc.get(TaskLogContext.ATTEMPT);
    if (attempt != null) {
      out.append(" #").append(attempt);
    }
    return out.append("] ").toString();
  }
}

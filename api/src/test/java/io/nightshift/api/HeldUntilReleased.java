package io.nightshift.api;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A tool that holds its units until the test lets it go (30 s at most), for views of running steps. */
final class HeldUntilReleased implements Tool {
  private final CountDownLatch release = new CountDownLatch(1);

  /** Lets every call go, and every later one through at once. */
  void release() {
    release.countDown();
  }

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor("block", "holds its units until released", List.of());
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    try {
      release.await(30, TimeUnit.SECONDS);
      return new ToolOutput(context.artifacts().put("done".getBytes(StandardCharsets.UTF_8), "text/plain"), "done");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ToolException.permanent("interrupted");
    } catch (IOException e) {
      throw ToolException.retryable("store", e);
    }
  }
}

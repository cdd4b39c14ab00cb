package io.nightshift.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@code nightshift dev} runtime (official dev server, codec server on) for every end-to-end class that needs
 * nothing more of it than to submit tasks and read them back: a class that registers this extension takes it as a
 * {@link RuntimeProcess} parameter of its {@code @BeforeAll} or test. Each such class starting its own paid a JVM
 * start, a dev server and the roles' start-up (10-12 s to serving under a loaded 2-core machine, 17-20 s with the
 * JVM's start and the shutdown). The first class to ask starts it; JUnit closes it after the last test of the run
 * (it lives in the root store, which closes its AutoCloseable values). Its data directory is kept under
 * target/it-data as {@code SharedDevRuntime-*}, every class's tasks in its runtime.log. Classes that kill, restart
 * or otherwise configure their runtime, or count lines of its log, keep their own.
 */
final class SharedDevRuntime implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDevRuntime.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RuntimeProcess.class;
  }

  @Override
  public RuntimeProcess resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RuntimeProcess.class, key -> start(),
        RuntimeProcess.class);
  }

  private static RuntimeProcess start() {
    try {
      RuntimeProcess runtime = new RuntimeProcess(ItData.newDir(SharedDevRuntime.class), "DEV");
      // the codec server for CodecServerIT (its port: argument("--codec-port")), allowed from Temporal's Web UI,
      // whose port is known once the runtime picked it; the other classes do not call it
      return runtime.withArgs(List.of("--codec-port", String.valueOf(RuntimeProcess.freePort()),
          "--codec-cors-origin", "http://127.0.0.1:" + runtime.uiPort)).start();
    } catch (IOException e) {
      throw new UncheckedIOException("the shared dev runtime did not start", e);
    }
  }
}

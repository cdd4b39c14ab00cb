package io.nightshift.dist;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link LlamaRuntime} (llama.cpp server and {@code nightshift dev} runtime) for the classes that run tasks on
 * a real model, taken as a {@link LlamaRuntime} parameter of their {@code @BeforeAll}. Each of the two classes
 * starting its own paid a llama.cpp server start and a runtime start (JVM, dev server, roles) and both shutdowns.
 * The first class to ask starts it; JUnit closes it after the run's last test (root store, as
 * {@link SharedDevRuntime}). Its data directory is kept under target/it-data as {@code SharedLlamaRuntime-*}.
 */
final class SharedLlamaRuntime implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedLlamaRuntime.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LlamaRuntime.class;
  }

  @Override
  public LlamaRuntime resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LlamaRuntime.class, key -> start(),
        LlamaRuntime.class);
  }

  private static LlamaRuntime start() {
    try {
      return LlamaRuntime.start(ItData.newDir(SharedLlamaRuntime.class));
    } catch (Exception e) {
      throw new IllegalStateException("the shared llama.cpp runtime did not start", e);
    }
  }
}

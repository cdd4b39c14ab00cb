package io.nightshift.dist;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link PoolsRuntime} for the classes that need a runtime with a backends file of fake and simulated pools,
 * taken as a {@link PoolsRuntime} parameter: BackendsIT and PlacementIT each starting its own paid a JVM start, a
 * dev server and the roles' start-up twice. The first class to ask starts it; JUnit closes it after the run's last
 * test (root store, as {@link SharedDevRuntime}). Its data directory is kept under target/it-data as
 * {@code SharedPoolsRuntime-*}.
 */
final class SharedPoolsRuntime implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedPoolsRuntime.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PoolsRuntime.class;
  }

  @Override
  public PoolsRuntime resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PoolsRuntime.class, key -> start(),
        PoolsRuntime.class);
  }

  private static PoolsRuntime start() {
    try {
      return PoolsRuntime.start(ItData.newDir(SharedPoolsRuntime.class));
    } catch (Exception e) {
      throw new IllegalStateException("the shared pools runtime did not start", e);
    }
  }
}

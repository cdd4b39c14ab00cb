package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackendFactory;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.BackendSettings;
import io.nightshift.accelerators.simulated.SimulatedBackendFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plug-in pool types that break the SPI's promises (a snapshot that throws, one that hangs), found through
 * ServiceLoader exactly as a third-party jar's would be: a services file on an extra class-path entry.
 */
final class TestFactories {
  private TestFactories() {}

  static AcceleratorBackends withMisbehavingPlugins(Path dir) {
    try {
      Path services = dir.resolve("META-INF/services/" + AcceleratorBackendFactory.class.getName());
      Files.createDirectories(services.getParent());
      Files.writeString(services, Throwing.class.getName() + "\n" + Hanging.class.getName() + "\n");
      return AcceleratorBackends.load(new URLClassLoader(new URL[] {dir.toUri().toURL()},
          TestFactories.class.getClassLoader()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A simulated pool whose snapshot runs {@code onSnapshot} first. */
  static AcceleratorBackend simulatedWith(BackendSettings s, Runnable onSnapshot) {
    return onSnapshot(new SimulatedBackendFactory().create(new BackendSettings("simulated", s.id(), s.properties())),
        onSnapshot);
  }

  /** {@code real}, with {@code onSnapshot} run before each of its snapshots. */
  static AcceleratorBackend onSnapshot(AcceleratorBackend real, Runnable onSnapshot) {
    return (AcceleratorBackend) Proxy.newProxyInstance(TestFactories.class.getClassLoader(),
        new Class<?>[] {AcceleratorBackend.class}, (proxy, method, args) -> {
          if (method.getName().equals("snapshot")) {
            onSnapshot.run();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  public static final class Throwing implements AcceleratorBackendFactory {
    @Override public String type() { return "throwing"; }

    @Override
    public AcceleratorBackend create(BackendSettings s) {
      return simulatedWith(s, () -> {
        throw new IllegalStateException("plug-in bug: snapshot threw");
      });
    }
  }

  public static final class Hanging implements AcceleratorBackendFactory {
    @Override public String type() { return "hanging"; }

    @Override
    public AcceleratorBackend create(BackendSettings s) {
      return simulatedWith(s, () -> {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }
}

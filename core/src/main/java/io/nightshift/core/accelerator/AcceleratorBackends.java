package io.nightshift.core.accelerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds {@link AcceleratorBackendFactory} implementations with {@link ServiceLoader} and builds configured pools.
 * Lookup failures list every factory tried, so a typo in configuration or a missing plug-in jar is obvious at
 * start-up.
 */
public final class AcceleratorBackends {
  private final Map<String, AcceleratorBackendFactory> factories;

  private AcceleratorBackends(Map<String, AcceleratorBackendFactory> factories) {
    this.factories = factories;
  }

  /** Every factory visible to {@code loader}; two factories with one type is a configuration error. */
  public static AcceleratorBackends load(ClassLoader loader) {
    Map<String, AcceleratorBackendFactory> found = new LinkedHashMap<>();
    for (AcceleratorBackendFactory factory : ServiceLoader.load(AcceleratorBackendFactory.class, loader)) {
      AcceleratorBackendFactory previous = found.putIfAbsent(factory.type(), factory);
      if (previous != null) {
        throw new AcceleratorException(AcceleratorException.Reason.CONFIGURATION,
            "two accelerator backend factories claim type '" + factory.type() + "': "
                + previous.getClass().getName() + " and " + factory.getClass().getName()
                + "; remove one of the jars from the class path");
      }
    }
    return new AcceleratorBackends(found);
  }

  public static AcceleratorBackends load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  public List<String> types() {
    return List.copyOf(factories.keySet());
  }

  public AcceleratorBackendFactory factory(String type) {
    AcceleratorBackendFactory factory = factories.get(type);
    if (factory == null) {
      String tried = factories.isEmpty() ? "none found"
          : factories.values().stream()
              .map(f -> f.type() + " (" + f.getClass().getName() + ")")
              .collect(Collectors.joining(", "));
      throw new AcceleratorException(AcceleratorException.Reason.CONFIGURATION,
          "no accelerator backend factory of type '" + type + "'; factories tried: " + tried
              + ". Add the jar that provides it to the class path, or fix the pool's type.");
    }
    return factory;
  }

  /** Builds one pool per settings entry, in order; fails on the first unknown type or invalid setting. */
  public List<AcceleratorBackend> create(List<BackendSettings> pools) {
    List<AcceleratorBackend> created = new ArrayList<>();
    for (BackendSettings settings : pools) {
      created.add(factory(settings.type()).create(settings));
    }
    return created;
  }
}

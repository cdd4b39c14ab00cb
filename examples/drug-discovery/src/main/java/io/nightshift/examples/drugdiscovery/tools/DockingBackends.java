package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.egress.EgressRefusedException;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import io.nightshift.examples.drugdiscovery.docking.vina.VinaSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Picks and configures the {@link DockingBackend} a {@code chem.dock} call names, checking its parameters; the
 * programs and the NIM come from the operator's {@link DockingConfig}.
 */
final class DockingBackends {
  static final String OPENCHEMLIB = "openchemlib";
  static final String VINA = "vina";
  static final String DIFFDOCK_NIM = "diffdock-nim";
  static final List<String> ENGINES = List.of(OPENCHEMLIB, VINA, DIFFDOCK_NIM);

  private DockingBackends() {}

  static String engineName(ToolArguments arguments) {
    String engine = arguments.orDefault("engine", OPENCHEMLIB).strip().toLowerCase(Locale.ROOT);
    if (!ENGINES.contains(engine)) {
      throw ToolException.permanent("parameter 'engine' must be one of " + ENGINES + ", was '" + engine + "'");
    }
    return engine;
  }

  static List<String> extraColumns(String engine) {
    return switch (engine) {
      case VINA -> List.of(Columns.DOCK_POSE);
      case DIFFDOCK_NIM -> List.of(Columns.DOCK_CONFIDENCE, Columns.DOCK_POSE);
      default -> List.of();
    };
  }

  /** Checks every parameter the engine uses before any work, so bad input fails even on an empty set. */
  static void checkArguments(String engine, ToolArguments arguments, DockingConfig config) {
    openChemLibSettings(arguments);
    switch (engine) {
      case VINA -> vinaSettings(arguments);
      case DIFFDOCK_NIM -> {
        nimUrl(config);
        Numbers.positiveInt(arguments, "num_poses", 10);
      }
      default -> { }
    }
  }

  static DockingBackend create(String engine, ToolContext context, ToolArguments arguments, DockingConfig config) {
    return switch (engine) {
      case VINA -> VinaBackend.create(context, vinaSettings(arguments), config.vina(), config.obabel());
      case DIFFDOCK_NIM -> DiffDockNimBackend.create(allowedNimUrl(context, config),
          Numbers.positiveInt(arguments, "num_poses", 10), Duration.ofMinutes(5));
      default -> OpenChemLibBackend.create(context, openChemLibSettings(arguments), effort(arguments));
    };
  }

  private static String effort(ToolArguments arguments) {
    return arguments.orDefault("effort", "standard").strip();
  }

  private static DockingSettings openChemLibSettings(ToolArguments arguments) {
    try {
      return DockingSettings.named(effort(arguments));
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("parameter 'effort': " + e.getMessage());
    }
  }

  /** Vina's default exhaustiveness (8) for the standard effort, half of it for fast; {@code exhaustiveness} wins. */
  static VinaSettings vinaSettings(ToolArguments arguments) {
    int byEffort = effort(arguments).equals("fast") ? 4 : 8;
    int exhaustiveness = arguments.optional("exhaustiveness").filter(v -> !v.equals("by effort")).isPresent()
        ? Numbers.positiveInt(arguments, "exhaustiveness", byEffort) : byEffort;
    int cpu = Numbers.positiveInt(arguments, "vina_cpu", 2);
    try {
      return VinaSettings.standard().withExhaustiveness(exhaustiveness).withCpu(cpu);
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("Vina settings: " + e.getMessage());
    }
  }

  /**
   * The NIM's URL once the runtime's egress policy allows it. It was checked at start too; checking again before
   * the first request (the client asks the NIM its model name as it is built) catches a name that now resolves
   * elsewhere. A refusal fails the step for good: only an operator can change the allow-list.
   */
  private static URI allowedNimUrl(ToolContext context, DockingConfig config) {
    URI url = nimUrl(config);
    try {
      context.egress().beforeConnect("tool chem.dock (DiffDock NIM)", url);
    } catch (EgressRefusedException e) {
      throw ToolException.permanent(e.getMessage() + "; ask the operator to allow it with --egress-allow", e);
    }
    return url;
  }

  private static URI nimUrl(DockingConfig config) {
    return config.nimUrl().orElseThrow(() -> ToolException.permanent("engine " + DIFFDOCK_NIM + " needs a DiffDock"
        + " NIM, and this runtime's operator configured none: set " + DockingConfig.NIM_URL_VARIABLE + " to its base"
        + " URL (e.g. http://gpu-node:8000) in the workers' environment; a task cannot name one"));
  }
}

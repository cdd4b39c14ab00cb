package io.nightshift.core.accelerator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to serve a model on a lease. The tensor-parallel degree is the lease's unit count, so it cannot disagree
 * with what was allocated.
 *
 * @param model          model name or path as the server expects it ({@code meta-llama/Llama-3.1-8B-Instruct})
 * @param template       launch template name ({@code vllm}, {@code nim}, {@code llama-cpp}); empty for the
 *                       backend's default
 * @param port           TCP port the server listens on
 * @param maxNumSeqs     concurrent sequences the server batches ({@code --max-num-seqs})
 * @param startupTimeout how long to wait for the health check; {@link Duration#ZERO} for the backend's default
 *                       (minutes on GPUs, tens of minutes on Trainium when it compiles)
 * @param extraArgs      appended to the template's command line
 * @param extraEnv       added to the lease's environment
 */
public record ModelServerSpec(
    String model, String template, int port, int maxNumSeqs, Duration startupTimeout,
    List<String> extraArgs, Map<String, String> extraEnv) {
  public ModelServerSpec {
    Objects.requireNonNull(model, "model");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    template = template == null ? "" : template;
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 1..65535, was " + port);
    }
    if (maxNumSeqs < 1) {
      throw new IllegalArgumentException("maxNumSeqs must be >= 1, was " + maxNumSeqs);
    }
    startupTimeout = startupTimeout == null ? Duration.ZERO : startupTimeout;
    if (startupTimeout.isNegative()) {
      throw new IllegalArgumentException("startupTimeout must not be negative, was " + startupTimeout);
    }
    extraArgs = List.copyOf(extraArgs == null ? List.of() : extraArgs);
    extraEnv = Map.copyOf(extraEnv == null ? Map.of() : extraEnv);
  }

  public static ModelServerSpec of(String model, int port) {
    return new ModelServerSpec(model, "", port, 256, Duration.ZERO, List.of(), Map.of());
  }

  public ModelServerSpec withTemplate(String newTemplate) {
    return new ModelServerSpec(model, newTemplate, port, maxNumSeqs, startupTimeout, extraArgs, extraEnv);
  }

  public ModelServerSpec withStartupTimeout(Duration timeout) {
    return new ModelServerSpec(model, template, port, maxNumSeqs, timeout, extraArgs, extraEnv);
  }
}

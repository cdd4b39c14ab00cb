package io.nightshift.examples.drugdiscovery.docking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator who runs the workers sets for docking: the programs Vina docking runs and the DiffDock NIM that
 * receptor and molecules are sent to. Read once, from the workers' environment when the runtime loads the tools,
 * and never from a task: a submitter who could name them chose what a worker executes and where it sends data (the
 * tool took {@code vina_path}, {@code obabel_path} and {@code nim_url} as parameters until issue 12).
 *
 * @param vina   the {@code vina} program: a name looked up on {@code PATH}, or a path
 * @param obabel the {@code obabel} program, likewise
 * @param nimUrl the DiffDock NIM's base URL; empty when the operator set none, and then no task can dock with it
 */
public record DockingConfig(String vina, String obabel, Optional<URI> nimUrl) {
  public static final String VINA_VARIABLE = "NIGHTSHIFT_VINA";
  public static final String OBABEL_VARIABLE = "NIGHTSHIFT_OBABEL";
  public static final String NIM_URL_VARIABLE = "NIGHTSHIFT_DIFFDOCK_NIM_URL";

  /** Debian's programs from {@code PATH}, no NIM: what a worker with no docking variables set gets. */
  public static DockingConfig defaults() {
    return new DockingConfig("vina", "obabel", Optional.empty());
  }

  /**
   * The configuration the variables in {@code environment} set, unset ones at their defaults.
   *
   * @throws IllegalArgumentException naming the variable, when {@value #NIM_URL_VARIABLE} is not an http(s) URL
   *                                  with a host: the runtime then fails at start, not on the first docking step
   */
  public static DockingConfig fromEnvironment(Map<String, String> environment) {
    DockingConfig defaults = defaults();
    return new DockingConfig(value(environment, VINA_VARIABLE).orElse(defaults.vina()),
        value(environment, OBABEL_VARIABLE).orElse(defaults.obabel()),
        value(environment, NIM_URL_VARIABLE).map(DockingConfig::nimUrl));
  }

  private static Optional<String> value(Map<String, String> environment, String variable) {
    return Optional.ofNullable(environment.get(variable)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static URI nimUrl(String text) {
    String problem = NIM_URL_VARIABLE + " must be the DiffDock NIM's base URL, http:// or https:// with a host, e.g."
        + " http://gpu-node:8000; was '" + text + "'";
    URI url;
    try {
      url = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem, e);
    }
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null
        || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(problem);
    }
    return url;
  }
}

package io.nightshift.core.process;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every name the runtime passes from its own environment to a program it starts, beyond {@link ToolEnvironment#BASE},
 * grouped by what needs it; an operator adds names only in configuration (an MCP server's {@code pass_env}). This is
 * the one list to read to know what leaves the runtime's environment: the rest (model endpoints' API keys, the
 * payload key files, whatever the operator exported) stays in the runtime.
 *
 * <p>Left out on purpose: {@code PYTHONPATH}, {@code PYTHONHOME} and {@code VIRTUAL_ENV} (they would mix the
 * operator's Python into the provisioned virtual environments), and {@code CFLAGS}, {@code CXXFLAGS},
 * {@code LDFLAGS} (a compiled wheel's identity is its {@code CMAKE_ARGS}, which the provisioner sets; an inherited
 * flag tuning the compiler to this machine's CPU would bring back the host-specific build that faults on others).
 */
public final class PassThrough {
  /** Nothing beyond the base: the Temporal dev server, llama.cpp's server, hardware tools such as nvidia-smi. */
  public static final Set<String> NONE = Set.of();

  /**
   * What a program that downloads needs to reach the network the way the runtime's operator set it up: proxies
   * (both spellings: Python's urllib and curl read the lower-case ones, other programs the upper-case ones) and the
   * certificate authorities of a network that inspects TLS. A proxy URL may carry a proxy password; it is the
   * operator's way out of the network, which these programs exist to use.
   */
  public static final Set<String> NETWORK = Set.of("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
      "http_proxy", "https_proxy", "no_proxy", "all_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE");

  /**
   * pip's own settings, so provisioning installs from where the operator said: a private index or mirror
   * ({@code PIP_INDEX_URL}, {@code PIP_EXTRA_INDEX_URL}, {@code PIP_TRUSTED_HOST}, {@code PIP_CERT}), a local
   * wheelhouse with no network at all ({@code PIP_NO_INDEX}, {@code PIP_FIND_LINKS}), its download cache
   * ({@code PIP_CACHE_DIR}, else {@code XDG_CACHE_HOME} or HOME's {@code .cache}: installing again offline reads it),
   * its configuration file ({@code PIP_CONFIG_FILE}, else {@code XDG_CONFIG_HOME}), and a slow mirror's timeout.
   */
  public static final Set<String> PIP = Set.of("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST",
      "PIP_CERT", "PIP_NO_INDEX", "PIP_FIND_LINKS", "PIP_CACHE_DIR", "PIP_CONFIG_FILE", "PIP_DEFAULT_TIMEOUT",
      "XDG_CACHE_HOME", "XDG_CONFIG_HOME");

  /**
   * The C and C++ compilers that build llama.cpp, where the host's are not {@code cc} and {@code c++} on the PATH (a
   * newer GCC installed beside the system's). Their flags are not passed (see above).
   */
  public static final Set<String> COMPILERS = Set.of("CC", "CXX");

  /** A provisioning step (venv, the hash-locked installs from the lock files, the llama.cpp wheel build, downloads). */
  public static final Set<String> PROVISIONING = union(NETWORK, PIP, COMPILERS);

  /**
   * vLLM (and a Neuron compile step) downloading a model from the Hugging Face hub: its cache ({@code HF_HOME}, or
   * the same model is downloaded again into HOME), the token of a gated model ({@code HF_TOKEN}: the one credential
   * these servers use, and they need it), running from the cache only ({@code HF_HUB_OFFLINE}), and the network.
   */
  public static final Set<String> HUGGING_FACE = union(Set.of("HF_HOME", "HF_TOKEN", "HF_HUB_OFFLINE"), NETWORK);

  /**
   * NVIDIA NIM, started as {@code docker run -e NGC_API_KEY ...}: docker copies {@code NGC_API_KEY} into the
   * container from its own environment, so it must be in docker's; {@code DOCKER_HOST}, {@code DOCKER_CONTEXT} and
   * {@code DOCKER_CONFIG} say which daemon to talk to (rootless docker is not at the default socket) and where the
   * registry login for nvcr.io is kept. The daemon pulls the image with its own proxy settings.
   */
  public static final Set<String> NIM = Set.of("NGC_API_KEY", "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG");

  private PassThrough() {}

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
  }
}

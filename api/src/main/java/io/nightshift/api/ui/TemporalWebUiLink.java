package io.nightshift.api.ui;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where Temporal's own Web UI shows a task's raw workflow (its event history), for the task view's link. The runtime
 * knows the address only when it runs or reuses the local dev server; against a cluster it does not, and the page
 * then shows no link rather than a guessed one.
 *
 * @param address           Temporal's Web UI, e.g. {@code http://127.0.0.1:8233}, without a trailing slash
 * @param namespaceOfTenant the namespace a tenant's workflows run in ({@code --tenant-namespace}, else the
 *                          runtime's own)
 */
public record TemporalWebUiLink(String address, Function<String, String> namespaceOfTenant) {
  public TemporalWebUiLink {
    if (!address.startsWith("http://") && !address.startsWith("https://")) {
      throw new IllegalArgumentException("Temporal's Web UI address must be an http(s) URL, was '" + address + "'");
    }
    address = address.replaceAll("/+$", "");
  }

  /**
   * As {@code GET /api/links} answers it to a page of {@code tenant}: {@code temporalWorkflows}, the prefix a task id
   * completes ({@code <ui>/namespaces/<ns>/workflows/}); an empty object where there is no Web UI to link to.
   */
  static Map<String, Object> asJson(Optional<TemporalWebUiLink> link, String tenant) {
    return link.<Map<String, Object>>map(l -> Map.of("temporalWorkflows", l.address() + "/namespaces/"
        + UrlPaths.segment(l.namespaceOfTenant().apply(tenant)) + "/workflows/")).orElse(Map.of());
  }
}

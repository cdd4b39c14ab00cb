package io.nightshift.runtime.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Temporal namespaces operators put tenants' tasks in ({@value #FLAG} TENANT=NAMESPACE, repeatable): a mapped
 * tenant's tasks are started, read and listed there, and workers poll every mapped namespace as well as the
 * runtime's own; every other tenant's tasks stay in the runtime's namespace ({@code --namespace}).
 *
 * @param byTenant namespace by tenant
 */
public record TenantNamespaces(Map<String, String> byTenant) {
  public static final String FLAG = "--tenant-namespace";
  /** What a token's tenant may be (TokenStore). */
  private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  /** Temporal's namespace names: letters, digits, '-', '_', '.', at most 255. */
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

  public TenantNamespaces {
    byTenant = Map.copyOf(byTenant);
  }

  /** No tenant mapped: every task in the runtime's namespace. */
  public static TenantNamespaces none() {
    return new TenantNamespaces(Map.of());
  }

  /**
   * The flag's values, each {@code TENANT=NAMESPACE}; a malformed entry or a tenant named twice fails naming the flag
   * and the entry.
   */
  public static TenantNamespaces parse(List<String> entries) {
    Map<String, String> byTenant = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String tenant = eq < 0 ? "" : entry.substring(0, eq).strip();
      String namespace = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (!TENANT.matcher(tenant).matches() || !NAMESPACE.matcher(namespace).matches()) {
        throw new IllegalArgumentException(FLAG + " must be TENANT=NAMESPACE (a tenant as tokens name it, a Temporal"
            + " namespace of letters, digits, '.', '_', '-'), was '" + entry + "'");
      }
      if (byTenant.putIfAbsent(tenant, namespace) != null) {
        throw new IllegalArgumentException(FLAG + " names tenant '" + tenant + "' twice ('" + byTenant.get(tenant)
            + "' and '" + namespace + "'): a tenant's tasks live in one namespace");
      }
    }
    return new TenantNamespaces(byTenant);
  }

  /** The namespace the operator put {@code tenant} in; empty for the runtime's own. */
  public Optional<String> of(String tenant) {
    return Optional.ofNullable(byTenant.get(tenant));
  }

  /** Every namespace some tenant is mapped to, besides {@code home} (the runtime's), in name order. */
  public Set<String> besides(String home) {
    Set<String> namespaces = new TreeSet<>(byTenant.values());
    namespaces.remove(home);
    return namespaces;
  }
}

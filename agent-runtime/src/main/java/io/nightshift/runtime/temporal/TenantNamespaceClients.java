package io.nightshift.runtime.temporal;

import io.nightshift.runtime.config.TenantNamespaces;
import io.temporal.client.WorkflowClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Clients for the namespaces operators mapped tenants to ({@link TenantNamespaces}), on the process's one
 * connection, with its data converter: the same encryption in every namespace. Each namespace gets Nightshift's
 * search attributes, as the runtime's own does.
 *
 * @param home             the runtime's own namespace's connection
 * @param byNamespace      the client of each namespace some tenant is mapped to, the runtime's own aside
 * @param searchAttributes whether each of those namespaces has Nightshift's search attributes
 * @param mapping          which tenant is in which namespace
 */
public record TenantNamespaceClients(TemporalConnection home, Map<String, WorkflowClient> byNamespace,
    Map<String, Boolean> searchAttributes, TenantNamespaces mapping) {
  public TenantNamespaceClients {
    byNamespace = Map.copyOf(byNamespace);
    searchAttributes = Map.copyOf(searchAttributes);
  }

  /** One client per namespace some tenant is mapped to, besides the runtime's. */
  public static TenantNamespaceClients open(TemporalConnection home, TenantNamespaces mapping) {
    WorkflowClient base = home.client();
    String own = base.getOptions().getNamespace();
    Map<String, WorkflowClient> clients = new LinkedHashMap<>();
    Map<String, Boolean> attributes = new LinkedHashMap<>();
    for (String namespace : mapping.besides(own)) {
      clients.put(namespace, WorkflowClient.newInstance(base.getWorkflowServiceStubs(),
          base.getOptions().toBuilder().setNamespace(namespace).build()));
      attributes.put(namespace, SearchAttributeSetup.ensure(base.getWorkflowServiceStubs(), namespace));
    }
    return new TenantNamespaceClients(home, clients, attributes, mapping);
  }

  /** The client of the namespace {@code tenant}'s tasks live in; empty for the runtime's own namespace. */
  public Optional<WorkflowClient> forTenant(String tenant) {
    return mapping.of(tenant).map(byNamespace::get);
  }
}

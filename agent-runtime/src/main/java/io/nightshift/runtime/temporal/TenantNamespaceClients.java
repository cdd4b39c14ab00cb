package io.nightshift.runtime.temporal;

import io.nightshift.runtime.config.TenantNamespaces;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Clients for the namespaces operators mapped tenants to ({@link TenantNamespaces}), on the process's one
 * connection, with its data converter: the same encryption in every namespace. Each namespace gets Nightshift's
 * search attributes as the runtime's own does: at start, or once Temporal answers if it was down then.
 *
 * @param home             the runtime's own namespace's connection
 * @param byNamespace      the client of each namespace some tenant is mapped to, the runtime's own aside
 * @param searchAttributes whether each of those namespaces has Nightshift's search attributes now
 * @param mapping          which tenant is in which namespace
 */
public record TenantNamespaceClients(TemporalConnection home, Map<String, WorkflowClient> byNamespace,
    Map<String, SearchAttributeAvailability> searchAttributes, TenantNamespaces mapping) {
  public TenantNamespaceClients {
    byNamespace = Map.copyOf(byNamespace);
    searchAttributes = Map.copyOf(searchAttributes);
  }

  /** One client per namespace some tenant is mapped to, besides the runtime's. */
  public static TenantNamespaceClients open(TemporalConnection home, TenantNamespaces mapping) {
    WorkflowServiceStubs stubs = home.client().getWorkflowServiceStubs();
    return open(home, mapping, namespace -> SearchAttributeSetup.ensure(stubs, namespace));
  }

  /** @param register registers the attributes in a namespace; false when the server did not let it */
  static TenantNamespaceClients open(TemporalConnection home, TenantNamespaces mapping, Predicate<String> register) {
    WorkflowClient base = home.client();
    Map<String, WorkflowClient> clients = new LinkedHashMap<>();
    Map<String, SearchAttributeAvailability> attributes = new LinkedHashMap<>();
    for (String namespace : mapping.besides(base.getOptions().getNamespace())) {
      clients.put(namespace, WorkflowClient.newInstance(base.getWorkflowServiceStubs(),
          base.getOptions().toBuilder().setNamespace(namespace).build()));
      attributes.put(namespace, SearchAttributeAvailability.registeredWhenReachable(home.reachability(),
          () -> register.test(namespace)));
    }
    return new TenantNamespaceClients(home, clients, attributes, mapping);
  }

  /** The client of the namespace {@code tenant}'s tasks live in; empty for the runtime's own namespace. */
  public Optional<WorkflowClient> forTenant(String tenant) {
    return mapping.of(tenant).map(byNamespace::get);
  }

  /** Every namespace this process's tasks live in: the runtime's own first, then the tenants', in name order. */
  public List<String> namespaces() {
    List<String> all = new ArrayList<>(List.of(home.client().getOptions().getNamespace()));
    all.addAll(new TreeSet<>(byNamespace.keySet()));
    return all;
  }

  /** Whether {@code namespace} (the runtime's own, or a tenant's) has Nightshift's search attributes now. */
  public boolean searchAttributes(String namespace) {
    SearchAttributeAvailability tenants = searchAttributes.get(namespace);
    return tenants == null ? home.searchAttributes() : tenants.available();
  }
}

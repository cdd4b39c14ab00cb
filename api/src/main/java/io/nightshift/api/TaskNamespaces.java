package io.nightshift.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each tenant's tasks live: the namespace the operator mapped the tenant to ({@code --tenant-namespace}), else
 * the runtime's. With authentication off there are no tenants, and every call works in the runtime's namespace.
 */
final class TaskNamespaces implements AutoCloseable {
  private final TaskNamespace home;
  private final Map<String, TaskNamespace> byTenant;

  /** @param byTenant the namespace of each mapped tenant (several tenants may share one) */
  TaskNamespaces(TaskNamespace home, Map<String, TaskNamespace> byTenant) {
    this.home = home;
    this.byTenant = Map.copyOf(byTenant);
  }

  /** Every tenant in one namespace. */
  static TaskNamespaces single(TaskNamespace home) {
    return new TaskNamespaces(home, Map.of());
  }

  /** The namespace a call in {@code scope} starts, reads and lists tasks in. */
  TaskNamespace of(TenantScope scope) {
    return scope.tenant().map(byTenant::get).orElse(home);
  }

  @Override
  public void close() {
    List<TaskNamespace> all = new ArrayList<>(byTenant.values());
    all.add(home);
    all.stream().distinct().forEach(TaskNamespace::close);
  }
}

package io.nightshift.api;

import io.grpc.Status;
import io.nightshift.api.auth.Caller;
import io.nightshift.runtime.auth.FirstAdminToken;
import io.nightshift.workflows.task.TaskSearchAttributes;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.converter.DataConverter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tasks a call may see: those of its caller's tenant, or every task where authentication is off (there is no
 * caller, and no tenants). A task's tenant is the one its memo names ({@value #MEMO_TENANT}, written at submit);
 * a task submitted before tenants existed has none and belongs to {@value FirstAdminToken#TENANT}, the first
 * admin's tenant. Every read, change and listing of a task goes through {@link #sees}, so a task of another tenant
 * is indistinguishable from one that does not exist.
 */
final class TenantScope {
  static final String MEMO_TENANT = "tenant";
  /** What TokenStore accepts as a tenant; checked again here because the name goes into a visibility query. */
  private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final TenantScope EVERY_TENANT = new TenantScope(Optional.empty());

  /** Empty: every tenant's tasks (authentication off). */
  private final Optional<String> tenant;

  private TenantScope(Optional<String> tenant) {
    this.tenant = tenant;
  }

  /** The tasks of {@code tenant} alone. */
  static TenantScope of(String tenant) {
    if (!TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("tenant must be 1 to 63 of a-z, 0-9, '.', '_', '-', was '" + tenant + "'");
    }
    return new TenantScope(Optional.of(tenant));
  }

  /** Every task: the API runs with authentication off. */
  static TenantScope everyTenant() {
    return EVERY_TENANT;
  }

  /**
   * The scope of the gRPC call in progress: its caller's tenant, or every tenant when the API authenticates no one.
   * A caller whose credentials were refused never gets here (AccessGate answers it); should one, it sees nothing.
   */
  static TenantScope ofCurrentCall() {
    Optional<Caller> caller = Caller.current();
    if (caller.isEmpty()) {
      return EVERY_TENANT;
    }
    if (caller.get() instanceof Caller.Known known) {
      return of(known.principal().tenant());
    }
    throw Status.UNAUTHENTICATED.withDescription("this call has no accepted credentials").asRuntimeException();
  }

  /** The caller's tenant; empty with authentication off. */
  Optional<String> tenant() {
    return tenant;
  }

  /** The tenant a task submitted in this scope belongs to. */
  String tenantOfNewTasks() {
    return tenant.orElse(FirstAdminToken.TENANT);
  }

  /** Whether a task, as Temporal describes or lists it, is in this scope. */
  boolean sees(WorkflowExecutionInfo task, DataConverter converter) {
    return tenant.isEmpty() || tenant.get().equals(tenantOf(task, converter));
  }

  /** The tenant a task belongs to: its memo's, or the first admin's for a task from before tenants. */
  static String tenantOf(WorkflowExecutionInfo task, DataConverter converter) {
    Payload p = task.getMemo().getFieldsMap().get(MEMO_TENANT);
    return p == null ? FirstAdminToken.TENANT : converter.fromPayload(p, String.class, String.class);
  }

  /**
   * The visibility-query clause that keeps a listing to this scope (empty for every tenant). The first admin's
   * tenant also gets the tasks that carry no tenant at all, those from before tenants.
   */
  Optional<String> listClause() {
    return tenant.map(t -> {
      String equal = TaskSearchAttributes.TENANT.getName() + " = '" + t + "'";
      return FirstAdminToken.TENANT.equals(t)
          ? "(" + equal + " OR " + TaskSearchAttributes.TENANT.getName() + " IS NULL)" : equal;
    });
  }

  @Override
  public String toString() {
    return tenant.map(t -> "tenant " + t).orElse("every tenant");
  }
}

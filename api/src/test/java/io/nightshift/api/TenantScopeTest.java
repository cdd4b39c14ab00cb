package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.auth.Caller;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.Principal;
import io.temporal.api.common.v1.Memo;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import org.junit.jupiter.api.Test;

/** Which tasks a call sees, from its caller and each task's memo. */
class TenantScopeTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.STANDARD_INSTANCE;

  @Test
  void shouldSeeOnlyTheTasksWhoseMemoNamesTheCallersTenant() {
    TenantScope alpha = TenantScope.of("alpha");

    assertThat(alpha.sees(task("alpha"), CONVERTER)).isTrue();
    assertThat(alpha.sees(task("beta"), CONVERTER)).isFalse();
    assertThat(alpha.sees(task(null), CONVERTER)).as("a task from before tenants").isFalse();
  }

  @Test
  void shouldGiveTasksFromBeforeTenantsToTheFirstAdminsTenant() {
    TenantScope first = TenantScope.of("default");

    assertThat(first.sees(task(null), CONVERTER)).isTrue();
    assertThat(TenantScope.tenantOf(task(null), CONVERTER)).isEqualTo("default");
    assertThat(first.listClause()).hasValue("(NightshiftTenant = 'default' OR NightshiftTenant IS NULL)");
    assertThat(TenantScope.of("alpha").listClause()).hasValue("NightshiftTenant = 'alpha'");
  }

  @Test
  void shouldSeeEveryTaskAndSubmitToTheFirstAdminsTenantWithAuthenticationOff() throws Exception {
    TenantScope off = Context.ROOT.call(TenantScope::ofCurrentCall);

    assertThat(off.sees(task("beta"), CONVERTER)).isTrue();
    assertThat(off.sees(task(null), CONVERTER)).isTrue();
    assertThat(off.listClause()).isEmpty();
    assertThat(off.tenantOfNewTasks()).isEqualTo("default");
  }

  @Test
  void shouldTakeTheTenantFromTheCallersPrincipal() throws Exception {
    Caller alpha = new Caller.Known(new Principal("token:t1", "t1", "alpha", AccessRole.VIEWER));

    TenantScope scope = Context.ROOT.withValue(Caller.KEY, alpha).call(TenantScope::ofCurrentCall);

    assertThat(scope.tenantOfNewTasks()).isEqualTo("alpha");
    assertThat(scope.sees(task("beta"), CONVERTER)).isFalse();
  }

  @Test
  void shouldSeeNothingForACallerWhoseCredentialsWereRefused() {
    Context refused = Context.ROOT.withValue(Caller.KEY, new Caller.Unknown("not accepted"));

    assertThatThrownBy(() -> refused.call(TenantScope::ofCurrentCall)).isInstanceOf(StatusRuntimeException.class)
        .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  @Test
  void shouldRefuseATenantNameThatCouldChangeTheListQuery() {
    assertThatThrownBy(() -> TenantScope.of("a' OR 'x' = 'x")).isInstanceOf(IllegalArgumentException.class);
  }

  private static WorkflowExecutionInfo task(String tenant) {
    Memo.Builder memo = Memo.newBuilder();
    if (tenant != null) {
      memo.putFields(TenantScope.MEMO_TENANT, CONVERTER.toPayload(tenant).orElseThrow());
    }
    return WorkflowExecutionInfo.newBuilder().setMemo(memo).build();
  }
}

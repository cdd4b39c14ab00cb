package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.AuthServiceGrpc;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.ListBackendsRequest;
import io.nightshift.api.v1.WhoAmIRequest;
import io.nightshift.runtime.config.ApiAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --insecure-no-auth} on loopback: calls need no token, and no token store or admin token is made. */
class ApiWithoutAuthTest {
  @TempDir Path dataDir;

  @Test
  void shouldAnswerCallsWithoutATokenAndMakeNoTokens() throws Exception {
    try (ApiRuntimeOnSocket api = ApiRuntimeOnSocket.start(dataDir, ApiAuth.NONE)) {
      assertThat(BackendServiceGrpc.newBlockingStub(api.channelWithoutToken())
          .listBackends(ListBackendsRequest.getDefaultInstance()).getBackendsCount()).isPositive();

      assertThat(Files.exists(api.config().tokenStoreFile())).isFalse();
      assertThat(Files.exists(api.config().adminTokenFile())).isFalse();
      // no identity to tell: the calls carry none
      StatusRuntimeException whoAmI = catchThrowableOfType(StatusRuntimeException.class, () -> AuthServiceGrpc
          .newBlockingStub(api.channelWithoutToken()).whoAmI(WhoAmIRequest.getDefaultInstance()));
      assertThat(whoAmI.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(whoAmI.getStatus().getDescription()).contains("--insecure-no-auth");
    }
  }
}

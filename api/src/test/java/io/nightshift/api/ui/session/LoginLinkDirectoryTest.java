package io.nightshift.api.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginLinkDirectoryTest {
  @TempDir Path dataDir;
  private final MovableClock clock = new MovableClock();

  @Test
  void shouldSayNoUiRunsWhenNoneAnnouncedItself() {
    LoginLinkDirectory cli = new LoginLinkDirectory(dataDir.resolve("auth/ui-links"), clock);

    assertThatThrownBy(cli::newLink).isInstanceOf(IOException.class).hasMessageContaining("no workflow UI runs");
  }

  @Test
  void shouldMakeALinkToTheAnnouncedUiThatWorksOnceAndKeepsOnlyTheCodesDigestOwnerOnly() throws Exception {
    Path dir = dataDir.resolve("auth/ui-links");
    LoginLinkDirectory ui = new LoginLinkDirectory(dir, clock);
    ui.announce("http://127.0.0.1:8080");

    String link = new LoginLinkDirectory(dir, clock).newLink();

    assertThat(link).matches("http://127\\.0\\.0\\.1:8080/login#code=[A-Za-z0-9_-]{43}");
    String code = link.substring(link.indexOf("#code=") + 6);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).allSatisfy(f -> {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(Files.readString(f)).doesNotContain(code);
        assertThat(f.getFileName().toString()).doesNotContain(code);
      });
    }
    assertThat(ui.redeem(code.substring(1))).isFalse();
    assertThat(ui.redeem(code)).isTrue();
    assertThat(ui.redeem(code)).as("second use").isFalse();
  }

  @Test
  void shouldRefuseAnExpiredLinkAndClearItAwayWhenTheNextIsMade() throws Exception {
    Path dir = dataDir.resolve("auth/ui-links");
    LoginLinkDirectory links = new LoginLinkDirectory(dir, clock);
    links.announce("http://127.0.0.1:8080");
    String stale = links.newLink();
    String unused = links.newLink();
    clock.advance(LoginCodes.LIFETIME);

    assertThat(links.redeem(stale.substring(stale.indexOf("#code=") + 6))).isFalse();
    links.newLink();

    try (Stream<Path> codes = Files.list(dir).filter(f -> f.toString().endsWith(".code"))) {
      assertThat(codes).as("only the new one; " + unused + " expired unused").hasSize(1);
    }
  }

  @Test
  void shouldMakeNoLinkOnceTheUiHasStopped() throws Exception {
    LoginLinkDirectory links = new LoginLinkDirectory(dataDir.resolve("auth/ui-links"), clock);
    links.announce("http://127.0.0.1:8080");

    links.withdraw();

    assertThatThrownBy(links::newLink).hasMessageContaining("no workflow UI runs");
  }
}

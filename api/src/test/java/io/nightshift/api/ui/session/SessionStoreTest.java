package io.nightshift.api.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
  private static final UiUser VIEWER = new UiUser("token:0123456789ab", "lab", "viewer", "token");

  private final MovableClock clock = new MovableClock();
  private final SessionStore store = new SessionStore(clock);
  private final ManagedChannel channel = InProcessChannelBuilder.forName("unused").build();

  @AfterEach
  void close() {
    channel.shutdownNow();
  }

  @Test
  void shouldFindASessionByItsIdAndKeepOnlyTheIdsDigest() {
    SessionStore.Opened opened = store.open(VIEWER, channel);

    assertThat(opened.id()).matches("[A-Za-z0-9_-]{43}");
    assertThat(opened.session().key()).isEqualTo(SecretDigest.of(opened.id())).isNotEqualTo(opened.id());
    assertThat(store.find(opened.id())).hasValueSatisfying(s -> {
      assertThat(s.user()).isEqualTo(VIEWER);
      assertThat(s.api()).isSameAs((Channel) channel);
    });
    assertThat(store.find(opened.session().key())).as("the digest is no id").isEmpty();
    assertThat(store.find(opened.id().substring(1))).isEmpty();
  }

  @Test
  void shouldEndASessionLeftIdleForTooLongButKeepOneInUse() {
    SessionStore.Opened idle = store.open(VIEWER, channel);
    SessionStore.Opened used = store.open(VIEWER, channel);

    for (int i = 0; i < 3; i++) {
      clock.advance(SessionStore.IDLE.dividedBy(2));
      assertThat(store.find(used.id())).isPresent();
    }

    assertThat(store.find(idle.id())).isEmpty();
  }

  @Test
  void shouldEndASessionAtItsAbsoluteLimitHoweverOftenItIsUsed() {
    SessionStore.Opened opened = store.open(VIEWER, channel);
    Duration step = SessionStore.IDLE.dividedBy(2);
    for (Duration gone = Duration.ZERO; gone.plus(step).compareTo(SessionStore.ABSOLUTE) < 0; gone = gone.plus(step)) {
      clock.advance(step);
      assertThat(store.find(opened.id())).isPresent();
    }

    clock.advance(step);

    assertThat(store.find(opened.id())).isEmpty();
  }

  @Test
  void shouldEndASessionOnLogout() {
    SessionStore.Opened opened = store.open(VIEWER, channel);
    SessionStore.Opened other = store.open(VIEWER, channel);

    store.end(opened.session());

    assertThat(store.find(opened.id())).isEmpty();
    assertThat(store.find(other.id())).isPresent();
  }

  @Test
  void shouldEndTheOldestSessionWhenFull() {
    SessionStore.Opened first = store.open(VIEWER, channel);
    SessionStore.Opened second = store.open(VIEWER, channel);
    for (int i = 2; i < SessionStore.MAX_SESSIONS; i++) {
      store.open(VIEWER, channel);
    }

    SessionStore.Opened newest = store.open(VIEWER, channel);

    assertThat(store.find(first.id())).isEmpty();
    assertThat(store.find(second.id())).isPresent();
    assertThat(store.find(newest.id())).isPresent();
  }
}

package io.nightshift.api.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginCodesTest {
  private final MovableClock clock = new MovableClock();
  private final LoginCodes codes = new LoginCodes(clock);

  @Test
  void shouldAcceptACodeOnceAndRefuseItEverAfter() {
    String code = codes.mint();

    assertThat(codes.redeem(code)).isTrue();
    assertThat(codes.redeem(code)).as("second use").isFalse();
  }

  @Test
  void shouldRefuseACodeOnceItsLifetimeHasPassed() {
    String fresh = codes.mint();
    String stale = codes.mint();
    clock.advance(LoginCodes.LIFETIME.minusSeconds(1));
    assertThat(codes.redeem(fresh)).isTrue();

    clock.advance(Duration.ofSeconds(1));

    assertThat(codes.redeem(stale)).isFalse();
  }

  @Test
  void shouldRefuseGuessesThatAreNearlyACode() {
    String code = codes.mint();

    for (String guess : List.of("", code.substring(1), code.substring(0, code.length() - 1),
        flip(code, 0), flip(code, code.length() - 1), code + "A", code.toUpperCase())) {
      if (!guess.equals(code)) {
        assertThat(codes.redeem(guess)).as(guess).isFalse();
      }
    }
    assertThat(codes.redeem(code)).as("the guesses spent nothing").isTrue();
  }

  @Test
  void shouldMakeDistinctCodesOf256RandomBitsAndKeepOnlyTheNewestOnes() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < LoginCodes.MAX_OPEN + 1; i++) {
      made.add(codes.mint());
    }

    assertThat(new HashSet<>(made)).hasSize(made.size());
    assertThat(made).allSatisfy(c -> assertThat(c).matches("[A-Za-z0-9_-]{43}"));
    assertThat(codes.redeem(made.get(0))).as("the oldest was dropped").isFalse();
    assertThat(codes.redeem(made.get(made.size() - 1))).isTrue();
  }

  private static String flip(String s, int at) {
    char c = s.charAt(at);
    return s.substring(0, at) + (c == 'A' ? 'B' : 'A') + s.substring(at + 1);
  }
}

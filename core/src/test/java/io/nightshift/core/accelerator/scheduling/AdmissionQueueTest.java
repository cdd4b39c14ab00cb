package io.nightshift.core.accelerator.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionQueueTest {
  private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
  private final AdmissionQueue queue = new AdmissionQueue();
  private long arrivals;

  private WorkRequest request(String id, int units, int priority, Duration estimate) {
    return new WorkRequest(id, units, priority, Optional.ofNullable(estimate), arrivals++);
  }

  private static List<String> ids(List<WorkRequest> requests) {
    return requests.stream().map(WorkRequest::id).toList();
  }

  private static RunningWork running(String id, int units, Duration left) {
    return new RunningWork(id, units, Optional.ofNullable(left).map(NOW::plus));
  }

  @Test
  void shouldStartTwoEightUnitRequestsOneAfterTheOtherOnAnEightUnitPool() {
    queue.add(request("a", 8, 0, null));
    queue.add(request("b", 8, 0, null));

    assertThat(ids(queue.admissible(8, List.of(), NOW))).containsExactly("a");
    queue.remove("a");
    assertThat(queue.admissible(0, List.of(running("a", 8, null)), NOW)).isEmpty();
    assertThat(queue.ahead("b")).contains(0);
    assertThat(ids(queue.admissible(8, List.of(), NOW))).containsExactly("b");
  }

  @Test
  void shouldOrderByPriorityThenLongestEstimateThenArrival() {
    queue.add(request("first-no-estimate", 1, 0, null));
    queue.add(request("short", 1, 0, Duration.ofMinutes(1)));
    queue.add(request("long", 1, 0, Duration.ofHours(2)));
    queue.add(request("urgent", 1, 5, null));
    queue.add(request("second-no-estimate", 1, 0, null));

    assertThat(ids(queue.ordered())).containsExactly("urgent", "long", "short", "first-no-estimate",
        "second-no-estimate");
    assertThat(queue.ahead("short")).contains(2);
    assertThat(queue.ahead("gone")).isEmpty();
  }

  @Test
  void shouldNotStarveALargeRequestBehindAStreamOfSmallOnesWithoutEstimates() {
    queue.add(request("big", 8, 0, null));
    queue.add(request("small", 1, 0, null));

    // 6 of 8 units are held by work of unknown length: the big one's start cannot be reserved, so nothing passes it
    assertThat(queue.admissible(2, List.of(running("x", 6, null)), NOW)).isEmpty();
  }

  @Test
  void shouldBackfillWorkThatEndsBeforeTheBlockedHeadCanStart() {
    queue.add(request("big", 8, 0, Duration.ofHours(3)));
    queue.add(request("quick", 2, 0, Duration.ofMinutes(5)));
    queue.add(request("slow", 2, 0, Duration.ofHours(1)));

    // the 6 held units free up in 10 minutes: "quick" ends before that, "slow" would hold 2 of the big one's units
    List<WorkRequest> start = queue.admissible(2, List.of(running("x", 6, Duration.ofMinutes(10))), NOW);

    assertThat(ids(start)).containsExactly("quick");
  }

  @Test
  void shouldBackfillLongWorkIntoUnitsTheHeadWillNotNeed() {
    queue.add(request("half", 4, 0, Duration.ofHours(5)));
    queue.add(request("slow", 2, 0, Duration.ofHours(3)));
    queue.add(request("unknown", 2, 0, null));

    // 2 free, 6 held for 10 more minutes: at that time 8 are free, "half" needs 4, so 4 are spare for others
    List<WorkRequest> start = queue.admissible(2, List.of(running("x", 6, Duration.ofMinutes(10))), NOW);

    assertThat(ids(start)).containsExactly("slow");
  }

  @Test
  void shouldStartEverythingThatFitsInOrderWhenNothingIsBlocked() {
    queue.add(request("a", 2, 0, null));
    queue.add(request("b", 3, 0, null));
    queue.add(request("c", 4, 0, null));

    assertThat(ids(queue.admissible(5, List.of(), NOW))).containsExactly("a", "b");
  }

  @Test
  void shouldGiveTheSameAnswerForTheSameState() {
    queue.add(request("big", 8, 0, Duration.ofHours(1)));
    queue.add(request("quick", 2, 0, Duration.ofMinutes(5)));
    List<RunningWork> held = List.of(running("x", 6, Duration.ofMinutes(10)));

    assertThat(queue.admissible(2, held, NOW)).isEqualTo(queue.admissible(2, held, NOW));
  }

  @Test
  void shouldRefuseTheSameWorkTwiceAndNonPositiveSizes() {
    queue.add(request("a", 1, 0, null));

    assertThatThrownBy(() -> queue.add(request("a", 1, 0, null))).hasMessageContaining("already waiting");
    assertThatThrownBy(() -> request("z", 0, 0, null)).hasMessageContaining("units must be >= 1");
    assertThatThrownBy(() -> request("z", 1, 0, Duration.ZERO)).hasMessageContaining("estimate must be positive");
  }
}

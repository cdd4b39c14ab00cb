package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.ArtifactRef;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import org.junit.jupiter.api.Test;

/** The digests a task view names, which are the ones ReadArtifact serves as that task's. */
class ArtifactRefsTest {
  @Test
  void shouldFindTheResultAndEveryStepsOutputAndNothingElse() {
    Task view = Task.newBuilder().setId("t").setResult(ref("sha256:r"))
        .addSteps(Step.newBuilder().setName("a").setOutput(ref("sha256:a")))
        .addSteps(Step.newBuilder().setName("b").setSummary("sha256:not-a-reference"))
        .addSteps(Step.newBuilder().setName("c").setOutput(ArtifactRef.getDefaultInstance()))
        .build();

    assertThat(ArtifactRefs.in(view)).containsExactlyInAnyOrder("sha256:r", "sha256:a");
  }

  @Test
  void shouldFindNoneInATaskThatWroteNothingYet() {
    assertThat(ArtifactRefs.in(Task.newBuilder().setId("t").addSteps(Step.newBuilder().setName("a")).build()))
        .isEmpty();
  }

  private static ArtifactRef ref(String digest) {
    return ArtifactRef.newBuilder().setDigest(digest).setMediaType("text/plain").build();
  }
}

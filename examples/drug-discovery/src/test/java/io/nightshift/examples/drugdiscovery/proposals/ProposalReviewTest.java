package io.nightshift.examples.drugdiscovery.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalReviewTest {
  private static final List<Candidate> PARENTS = List.of(
      Candidate.seed("aspirin", "CC(=O)Oc1ccccc1C(=O)O", "aspirin"),
      Candidate.seed("paracetamol", "CC(=O)Nc1ccc(O)cc1", "paracetamol"));

  @Test
  void shouldAcceptValidNewMoleculesAndLinkEachToItsClosestParent() {
    List<Proposal> out = ProposalReview.review(List.of("CC(=O)Nc1ccc(OC)cc1", "CC(=O)Oc1ccccc1C(=O)N"), PARENTS);

    assertThat(out).extracting(Proposal::status).containsOnly(Proposal.Status.ACCEPTED);
    assertThat(out).extracting(Proposal::nearestParent).containsExactly("paracetamol", "aspirin");
    assertThat(out.get(0).similarity()).isBetween(0.0, 1.0);
    assertThat(out.get(0).canonical()).isNotBlank();
    assertThat(out.get(0).note()).startsWith("closest parent paracetamol (Tanimoto 0.");
  }

  @Test
  void shouldRejectInvalidSmilesWithTheParsersReason() {
    List<Proposal> out = ProposalReview.review(List.of("C1CC(N", "C(C)(C)(C)(C)C", "2-Methoxycannabinol"), PARENTS);

    assertThat(out).extracting(Proposal::status).containsOnly(Proposal.Status.INVALID);
    assertThat(out).allSatisfy(p -> {
      assertThat(p.canonical()).isNull();
      assertThat(p.note()).isNotBlank();
    });
    assertThat(out.get(1).note()).contains("unusual valence");
  }

  @Test
  void shouldCountParentsAndRepeatsAsDuplicatesWhateverTheirSpelling() {
    // aspirin written another way, then the same new molecule twice in different atom orders
    List<Proposal> out = ProposalReview.review(List.of("OC(=O)c1ccccc1OC(C)=O", "CCOc1ccccc1", "c1ccccc1OCC"),
        PARENTS);

    assertThat(out).extracting(Proposal::status).containsExactly(Proposal.Status.DUPLICATE,
        Proposal.Status.ACCEPTED, Proposal.Status.DUPLICATE);
    assertThat(out.get(0).note()).isEqualTo("is parent aspirin");
    assertThat(out.get(2).note()).isEqualTo("proposed earlier in the same answer");
  }

  @Test
  void shouldAddUpValidAndInvalidToEverythingProposed() {
    List<String> answer = ProposalText.extract("""
        Sure! Analogues:
        CC(=O)Nc1ccc(OC)cc1
        CC(=O)Nc1ccc(OC)cc1
        CC(=O)Oc1ccccc1C(=O)O
        C1CC(N
        """);

    ProposalReview.Counts counts = ProposalReview.count(ProposalReview.review(answer, PARENTS));

    assertThat(counts).isEqualTo(new ProposalReview.Counts(4, 1, 1, 2));
    assertThat(counts.valid() + counts.invalid()).isEqualTo(counts.proposed());
    assertThat(counts.describe()).isEqualTo("4 proposed: 3 valid (1 new, 2 duplicate), 1 invalid");
  }

  @Test
  void shouldReviewNothingForAnEmptyAnswer() {
    assertThat(ProposalReview.count(ProposalReview.review(List.of(), PARENTS)))
        .isEqualTo(new ProposalReview.Counts(0, 0, 0, 0));
  }
}

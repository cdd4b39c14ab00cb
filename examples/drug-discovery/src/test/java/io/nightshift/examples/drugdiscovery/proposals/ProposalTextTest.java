package io.nightshift.examples.drugdiscovery.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProposalTextTest {
  @Test
  void shouldTakeOneSmilesPerLine() {
    assertThat(ProposalText.extract("CCO\nc1ccccc1O\nCC(=O)Nc1ccc(O)cc1\n"))
        .containsExactly("CCO", "c1ccccc1O", "CC(=O)Nc1ccc(O)cc1");
  }

  @Test
  void shouldFindSmilesInsideProseListsQuotesAndCodeFences() {
    String answer = """
        Here are some analogues of the parents:
        ```smiles
        1. `CC(=O)Oc1ccccc1C(=O)N`
        2) CCN(CC)C(=O)c1ccccc1 - an amide
        - **Cc1ccc(Cl)cc1N**.
        ```
        These should dock better than aspirin, since the SMILES: "COc1ccccc1" is smaller.
        """;

    assertThat(ProposalText.extract(answer)).containsExactly("CC(=O)Oc1ccccc1C(=O)N", "CCN(CC)C(=O)c1ccccc1",
        "Cc1ccc(Cl)cc1N", "COc1ccccc1");
  }

  @Test
  void shouldFindNothingInAnEmptyOrPureProseAnswer() {
    assertThat(ProposalText.extract(null)).isEmpty();
    assertThat(ProposalText.extract("")).isEmpty();
    assertThat(ProposalText.extract("   \n\n ")).isEmpty();
    assertThat(ProposalText.extract("I cannot propose molecules. Please ask a chemist, SMILES are hard!"))
        .isEmpty();
  }

  @Test
  void shouldKeepMalformedSmilesLikeTokensSoTheyAreCountedAsInvalid() {
    // what SmolLM2-135M answered when asked for SMILES: names with formulas
    assertThat(ProposalText.extract("1. 2-Methoxycannabinol (CBM)\n2. C1CC(N\n3. 2,7-dichloronitrobenzene (DCMN)"))
        .containsExactly("2-Methoxycannabinol", "C1CC(N");
  }

  @Test
  void shouldStopAtTheProposalLimit() {
    String answer = IntStream.range(0, ProposalText.MAX_PROPOSALS + 20).mapToObj(i -> "C".repeat(2 + i % 5) + "O")
        .collect(Collectors.joining("\n"));

    assertThat(ProposalText.extract(answer)).hasSize(ProposalText.MAX_PROPOSALS);
  }
}

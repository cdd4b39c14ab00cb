package io.nightshift.examples.drugdiscovery.proposals;

import io.nightshift.examples.drugdiscovery.chem.Fingerprint;
import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reviews a model's proposals against the parents: each must be a valid, sanitised molecule
 * ({@link MoleculeParser}: parsable, sane valences, largest fragment kept) that is neither a parent nor proposed
 * twice. Accepted ones are linked to their most similar parent, so lineage still reaches the seeds. Never throws
 * for bad model output: every rejection is a counted {@link Proposal} with its reason.
 */
public final class ProposalReview {
  private ProposalReview() {}

  /** Counts of a review; {@code accepted + duplicate} are the valid ones, so {@code valid + invalid = proposed}. */
  public record Counts(int proposed, int accepted, int invalid, int duplicate) {
    public int valid() {
      return accepted + duplicate;
    }

    public String describe() {
      return String.format(Locale.ROOT, "%d proposed: %d valid (%d new, %d duplicate), %d invalid", proposed,
          valid(), accepted, duplicate, invalid);
    }
  }

  public static List<Proposal> review(List<String> proposed, List<Candidate> parents) {
    Map<String, Candidate> parentByCanonical = new LinkedHashMap<>();
    Map<String, Fingerprint> parentPrints = new LinkedHashMap<>();
    for (Candidate p : parents) {
      try {
        Molecule m = MoleculeParser.parse(p.smiles());
        parentByCanonical.putIfAbsent(m.canonicalSmiles(), p);
        parentPrints.putIfAbsent(p.id(), Fingerprint.ecfp4(m));
      } catch (InvalidMoleculeException e) {
        // a parent that does not parse cannot be matched against; the generator skips it too
      }
    }
    Set<String> seen = new HashSet<>();
    List<Proposal> out = new ArrayList<>();
    for (String text : proposed) {
      Molecule m;
      try {
        m = MoleculeParser.parse(text);
      } catch (InvalidMoleculeException e) {
        out.add(new Proposal(text, Proposal.Status.INVALID, null, e.getMessage(), null, Double.NaN));
        continue;
      }
      String canonical = m.canonicalSmiles();
      Candidate parent = parentByCanonical.get(canonical);
      if (parent != null) {
        out.add(new Proposal(text, Proposal.Status.DUPLICATE, canonical, "is parent " + parent.id(), parent.id(), 1));
      } else if (!seen.add(canonical)) {
        out.add(new Proposal(text, Proposal.Status.DUPLICATE, canonical, "proposed earlier in the same answer",
            null, Double.NaN));
      } else {
        Fingerprint print = Fingerprint.ecfp4(m);
        String nearest = null;
        double best = -1;
        for (Map.Entry<String, Fingerprint> e : parentPrints.entrySet()) {
          double s = print.tanimoto(e.getValue());
          if (s > best) {
            best = s;
            nearest = e.getKey();
          }
        }
        out.add(new Proposal(text, Proposal.Status.ACCEPTED, canonical, nearest == null ? "no parents to compare"
            : String.format(Locale.ROOT, "closest parent %s (Tanimoto %.2f)", nearest, best), nearest,
            nearest == null ? Double.NaN : best));
      }
    }
    return out;
  }

  public static Counts count(List<Proposal> proposals) {
    int accepted = 0, invalid = 0, duplicate = 0;
    for (Proposal p : proposals) {
      switch (p.status()) {
        case ACCEPTED -> accepted++;
        case INVALID -> invalid++;
        case DUPLICATE -> duplicate++;
      }
    }
    return new Counts(proposals.size(), accepted, invalid, duplicate);
  }
}

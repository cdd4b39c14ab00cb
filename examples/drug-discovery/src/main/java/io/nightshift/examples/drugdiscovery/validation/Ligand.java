package io.nightshift.examples.drugdiscovery.validation;

import io.nightshift.examples.drugdiscovery.chem.Fingerprint;
import io.nightshift.examples.drugdiscovery.chem.MatchingProperties;
import io.nightshift.examples.drugdiscovery.chem.Molecule;

/** An active or a library molecule, with what decoy matching compares: its properties and its ECFP4. */
public record Ligand(String id, String name, String canonicalSmiles, String source, MatchingProperties properties,
    Fingerprint fingerprint) {
  public static Ligand of(String id, String name, Molecule molecule, String source) {
    return new Ligand(id, name, molecule.canonicalSmiles(), source, MatchingProperties.of(molecule),
        Fingerprint.ecfp4(molecule));
  }
}

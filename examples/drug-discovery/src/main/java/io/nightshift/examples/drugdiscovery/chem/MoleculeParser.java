package io.nightshift.examples.drugdiscovery.chem;

import org.openscience.cdk.atomtype.CDKAtomTypeMatcher;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IAtomContainerSet;
import org.openscience.cdk.interfaces.IAtomType;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Turns SMILES into sanitised {@link Molecule}s. Sanitising means: the SMILES parses and kekulises, explicit
 * hydrogens are folded into implicit counts, salts and solvents are stripped (the largest fragment is kept),
 * every atom has a valence CDK's atom typer recognises, and the size is within drug-like bounds. Anything else
 * is an {@link InvalidMoleculeException} with the reason; this class never throws anything unchecked for bad
 * input, because model-proposed SMILES are routinely malformed.
 */
public final class MoleculeParser {
  /** Generous for small-molecule design; keeps pathological inputs out of docking. */
  public static final int MAX_HEAVY_ATOMS = 100;

  private static final SmilesGenerator CANONICAL = new SmilesGenerator(SmiFlavor.Absolute);

  private MoleculeParser() {}

  public static Molecule parse(String smiles) throws InvalidMoleculeException {
    if (smiles == null || smiles.isBlank()) {
      throw new InvalidMoleculeException(smiles, "empty SMILES");
    }
    String text = smiles.strip();
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidMoleculeException(smiles, "SMILES must not contain whitespace");
    }
    IAtomContainer parsed;
    try {
      // a fresh parser per call: SmilesParser keeps state and is not documented as thread-safe
      parsed = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(text);
    } catch (CDKException | RuntimeException e) {
      throw new InvalidMoleculeException(smiles, "not parsable as SMILES (" + e.getMessage() + ")", e);
    }
    IAtomContainer structure = largestFragment(parsed);
    if (structure.getAtomCount() == 0) {
      throw new InvalidMoleculeException(smiles, "no atoms");
    }
    AtomContainerManipulator.suppressHydrogens(structure);
    if (structure.getAtomCount() > MAX_HEAVY_ATOMS) {
      throw new InvalidMoleculeException(
          smiles, structure.getAtomCount() + " heavy atoms, more than the limit of " + MAX_HEAVY_ATOMS);
    }
    checkValences(smiles, structure);
    try {
      return new Molecule(CANONICAL.create(structure), structure);
    } catch (CDKException | RuntimeException e) {
      throw new InvalidMoleculeException(smiles, "no canonical SMILES (" + e.getMessage() + ")", e);
    }
  }

  /** The canonical SMILES of a valid input, for de-duplication. */
  public static String canonical(String smiles) throws InvalidMoleculeException {
    return parse(smiles).canonicalSmiles();
  }

  private static IAtomContainer largestFragment(IAtomContainer parsed) {
    if (ConnectivityChecker.isConnected(parsed)) {
      return parsed;
    }
    IAtomContainerSet parts = ConnectivityChecker.partitionIntoMolecules(parsed);
    IAtomContainer largest = parts.getAtomContainer(0);
    for (IAtomContainer part : parts.atomContainers()) {
      if (part.getAtomCount() > largest.getAtomCount()) {
        largest = part;
      }
    }
    return largest;
  }

  private static void checkValences(String smiles, IAtomContainer structure) throws InvalidMoleculeException {
    CDKAtomTypeMatcher matcher = CDKAtomTypeMatcher.getInstance(structure.getBuilder());
    for (IAtom atom : structure.atoms()) {
      IAtomType type;
      try {
        type = matcher.findMatchingAtomType(structure, atom);
      } catch (CDKException e) {
        throw new InvalidMoleculeException(smiles, "atom typing failed (" + e.getMessage() + ")", e);
      }
      if (type == null || "X".equals(type.getAtomTypeName())) {
        throw new InvalidMoleculeException(smiles, "atom " + (structure.indexOf(atom) + 1) + " (" + atom.getSymbol()
            + ") has an unusual valence or charge that no atom type describes");
      }
    }
  }
}

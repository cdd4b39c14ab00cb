package io.nightshift.examples.drugdiscovery.docking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shipped ABL1 receptor as PDB text ({@code protein/1iep_receptor.pdb}: chain B of PDB 1IEP, heavy atoms with
 * residue names, in the same frame as the SDF receptor and the pocket pose). Engines that take a PDB read it here:
 * Vina (through Open Babel) and the DiffDock NIM, which needs residue names for its protein embedding.
 */
public final class ReceptorPdb {
  private static final String RESOURCE = "/io/nightshift/examples/drugdiscovery/protein/1iep_receptor.pdb";

  private ReceptorPdb() {}

  public static String abl1() {
    try (InputStream in = ReceptorPdb.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }
}

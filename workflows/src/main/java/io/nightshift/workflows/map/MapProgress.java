package io.nightshift.workflows.map;

/**
 * How far a map node is, as its progress query answers: its chunks, and those whose results it holds (a leaf's
 * finished chunks; an inner node's finished children's chunks, so a tree's root answers per sub-tree).
 *
 * @param chunks the node's chunks
 * @param done   those finished
 */
public record MapProgress(int chunks, int done) {}

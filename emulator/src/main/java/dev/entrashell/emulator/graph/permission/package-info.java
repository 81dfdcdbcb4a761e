/**
 * Which application permissions each Graph operation and property needs: the data behind the 403s,
 * read from Microsoft's permission metadata ({@code graph-permissions.tsv}).
 *
 * <p>Rule: a leaf; depends on nothing of the emulator, so the router and the query model can both read
 * it. The shell reads the same data with its own code.
 */
package dev.entrashell.emulator.graph.permission;

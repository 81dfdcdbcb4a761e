/**
 * Which application permissions each Graph operation and property needs: the data behind the 403s,
 * in one plain table.
 *
 * <p>Rule: a leaf; depends on nothing of the emulator, so the router and the query model can both read
 * it. Keep it plain data: the shell keeps its own copy of these facts.
 */
package dev.entrashell.emulator.graph.permission;

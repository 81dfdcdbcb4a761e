/**
 * The live session: which {@code Connection} is current ({@code Session}) and how it is described to the
 * user ({@code ContextView}). Above {@code auth}, which builds connections without knowing who holds them.
 */
package dev.entrashell.connection;

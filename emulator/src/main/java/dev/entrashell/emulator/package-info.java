/**
 * The emulator's front door: {@link dev.entrashell.emulator.Emulator} starts the login, Graph and
 * managed identity servers on loopback ports and wires them to one directory; {@link
 * dev.entrashell.emulator.EmulatorOptions}, {@link dev.entrashell.emulator.Throttling} and {@link
 * dev.entrashell.emulator.DieAfterPages} are its settings; {@link dev.entrashell.emulator.EmulatorMain}
 * runs it standalone. This is the API the shell and its tests use.
 *
 * <p>Rule: this package may depend on every other package, and no package depends on it, so wiring
 * never leaks into the parts it wires ({@code ArchitectureTest} checks both, and that nothing here
 * imports the shell).
 */
package dev.entrashell.emulator;

/**
 * Test support shared by the emulator's tests and the shell's (through the emulator's test jar): the
 * {@code @EmulatorTest} extension that gives a test class its own emulator. Test code only.
 */
package dev.entrashell.emulator.testing;

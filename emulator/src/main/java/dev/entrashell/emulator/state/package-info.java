/**
 * The standalone emulator's state directory: the CA and the demo app's credential files that persist
 * between runs, so a client trusts the same CA and uses the same certificate every time.
 *
 * <p>Rule: depends on {@code demo}, {@code directory} and {@code tls} only; only the root package and
 * the shell's demo mode use it.
 */
package dev.entrashell.emulator.state;

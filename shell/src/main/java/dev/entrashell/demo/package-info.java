/**
 * {@code --demo}: the embedded tenant emulator started in this process and registered as an environment;
 * the only package of the shell's main code that uses the emulator.
 */
package dev.entrashell.demo;

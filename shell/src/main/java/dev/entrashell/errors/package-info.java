/**
 * The bottom of the shell: the one exception every failure becomes ({@code ShellException}), the exit
 * codes, and {@code Printable} for quoting a bad value in one line. Depends on nothing of the shell.
 */
package dev.entrashell.errors;

/**
 * One picocli class per command, thin: parse the options, call one service, render the result; the line
 * executor and the one error funnel every failure goes through. Depends on everything below it, never
 * on {@code repl} (JLine) nor on Groovy classes (only {@code ScriptHost}, which names none).
 */
package dev.entrashell.command;

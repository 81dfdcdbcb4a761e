/**
 * The interactive shell: every JLine type lives here and nowhere else (terminal, line reader, history,
 * completion, masked prompts). Above {@code command}, which it drives line by line.
 */
package dev.entrashell.repl;

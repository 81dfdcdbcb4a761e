package dev.entrashell.command;

import java.util.Optional;

import picocli.CommandLine;

/**
 * A command that words some of picocli's refusals of its own options itself, in the shell's one-line
 * style (such as two options of an exclusive group); the error funnel asks it first.
 */
interface ExplainsParameterErrors {
    /** The whole line for {@code e}, or nothing to leave it to the funnel's usual wording. */
    Optional<String> explain(CommandLine.ParameterException e);
}

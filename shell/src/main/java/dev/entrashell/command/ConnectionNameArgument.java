package dev.entrashell.command;

import picocli.CommandLine.Parameters;

/** The NAME that {@code connection use/show/remove} take, completed with the saved and live names. */
final class ConnectionNameArgument {
    @Parameters(
            index = "0",
            paramLabel = "NAME",
            completionCandidates = ConnectionNames.class,
            description = "The connection's name.")
    String name;
}

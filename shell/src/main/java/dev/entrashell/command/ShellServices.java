package dev.entrashell.command;

import java.time.Clock;
import java.util.Map;

import dev.entrashell.auth.Connector;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.session.Cancellation;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Environments;
import dev.entrashell.session.Prompter;
import dev.entrashell.session.Session;
import dev.entrashell.session.ShellHome;

/**
 * What commands work with, handed to each command object by {@link CommandFactory}: one instance per
 * shell, so two shells in one JVM (as in tests) never share state.
 */
public record ShellServices(
        ShellHome home,
        Session session,
        Environments environments,
        Connector connector,
        ShellOutput output,
        Prompter prompter,
        Diagnostics diagnostics,
        Map<String, String> environmentVariables,
        Cancellation cancellation,
        Clock clock) {}

package dev.entrashell.services;

import java.time.Clock;
import java.util.Map;

import dev.entrashell.auth.Connector;
import dev.entrashell.connection.SavedConnections;
import dev.entrashell.connection.Session;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.session.Cancellation;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Environments;
import dev.entrashell.session.Prompter;
import dev.entrashell.session.ShellHome;
import dev.entrashell.session.Sleeper;

/**
 * What commands and scripts work with, handed to each command object by the command layer's factory:
 * one instance per shell, so two shells in one JVM (as in tests) never share state. Below both the
 * commands and the scripts, so that neither depends on the other to get it.
 */
public record ShellServices(
        ShellHome home,
        Session session,
        Environments environments,
        SavedConnections savedConnections,
        Connector connector,
        ShellOutput output,
        Prompter prompter,
        Diagnostics diagnostics,
        Map<String, String> environmentVariables,
        Cancellation cancellation,
        Clock clock,
        Sleeper sleeper) {

    /**
     * The services of a new shell: no connection yet, the environments and saved connections of
     * {@code home}. The one wiring, for the program and for tests that run a shell in-process: whatever
     * reads the time reads {@code clock}, whatever waits (retries) waits with {@code sleeper}, so a test
     * moves time instead of waiting for it.
     */
    public static ShellServices start(
            ShellHome home,
            ShellOutput output,
            Prompter prompter,
            Diagnostics diagnostics,
            Map<String, String> environmentVariables,
            Clock clock,
            Sleeper sleeper) {
        Environments environments = new Environments(home.environmentsFile());
        return new ShellServices(
                home,
                new Session(),
                environments,
                new SavedConnections(home.connectionsFile()),
                new Connector(environments, home, diagnostics, clock, sleeper, output::warn),
                output,
                prompter,
                diagnostics,
                environmentVariables,
                new Cancellation(),
                clock,
                sleeper);
    }
}

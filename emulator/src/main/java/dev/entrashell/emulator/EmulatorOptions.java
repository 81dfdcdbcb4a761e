package dev.entrashell.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start an {@link Emulator}.
 *
 * @param stateDir where the CA and the demo app's credentials persist between runs; null keeps
 *     everything in memory (tests)
 * @param loginPort port of the token server, 0 for any free port
 * @param graphPort port of the Graph server, 0 for any free port
 * @param userCount how many users the demo tenant has
 * @param tokenLifetime lifetime of issued access tokens ({@code expires_in}); a managed identity's
 *     tokens live {@link #managedIdentityTokenLifetime()}
 * @param clockSkew tolerance when checking client assertion and access token times
 * @param clock the emulator's notion of now, for tokens, assertions and certificates it checks,
 *     and for the seed's relative dates (expiring credentials, stale sign-ins) and throttling
 * @param throttling when Graph answers 429 or 503 with Retry-After; {@link Throttling#off()} by
 *     default, and switchable on a running emulator with {@link Emulator#setThrottling}
 */
public record EmulatorOptions(
        Path stateDir,
        int loginPort,
        int graphPort,
        int userCount,
        Duration tokenLifetime,
        Duration clockSkew,
        Clock clock,
        Throttling throttling) {

    public static final int DEFAULT_USER_COUNT = 300;
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3599);
    /** How long Azure's managed identity tokens live: about a day. */
    public static final Duration DEFAULT_MANAGED_IDENTITY_TOKEN_LIFETIME = Duration.ofSeconds(86399);

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(300);

    public EmulatorOptions {
        checkPort("loginPort", loginPort);
        checkPort("graphPort", graphPort);
        if (userCount < 0) {
            throw new IllegalArgumentException("userCount must not be negative: " + userCount);
        }
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(throttling, "throttling");
        if (tokenLifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("tokenLifetime must be at least one second: " + tokenLifetime);
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative: " + clockSkew);
        }
    }

    /** Options without throttling (as before throttling existed). */
    public EmulatorOptions(
            Path stateDir,
            int loginPort,
            int graphPort,
            int userCount,
            Duration tokenLifetime,
            Duration clockSkew,
            Clock clock) {
        this(stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, Throttling.off());
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions(
                null, 0, 0, DEFAULT_USER_COUNT, DEFAULT_TOKEN_LIFETIME, DEFAULT_CLOCK_SKEW, Clock.systemUTC());
    }

    public EmulatorOptions withThrottling(Throttling throttling) {
        return new EmulatorOptions(
                stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, throttling);
    }

    public EmulatorOptions withStateDir(Path stateDir) {
        return new EmulatorOptions(
                stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, throttling);
    }

    public EmulatorOptions withLoginPort(int loginPort) {
        return new EmulatorOptions(
                stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, throttling);
    }

    public EmulatorOptions withGraphPort(int graphPort) {
        return new EmulatorOptions(
                stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, throttling);
    }

    public EmulatorOptions withUserCount(int userCount) {
        return new EmulatorOptions(
                stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, throttling);
    }

    /**
     * A managed identity's tokens live about a day on Azure; a lifetime chosen other than the
     * default applies to them too, so a test can make every token short-lived.
     */
    public Duration managedIdentityTokenLifetime() {
        return tokenLifetime.equals(DEFAULT_TOKEN_LIFETIME) ? DEFAULT_MANAGED_IDENTITY_TOKEN_LIFETIME : tokenLifetime;
    }

    public EmulatorOptions withTokenLifetime(Duration tokenLifetime) {
        return new EmulatorOptions(
                stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, throttling);
    }

    public EmulatorOptions withClockSkew(Duration clockSkew) {
        return new EmulatorOptions(
                stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, throttling);
    }

    public EmulatorOptions withClock(Clock clock) {
        return new EmulatorOptions(
                stateDir, loginPort, graphPort, userCount, tokenLifetime, clockSkew, clock, throttling);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (any) or 1-65535: " + port);
        }
    }
}

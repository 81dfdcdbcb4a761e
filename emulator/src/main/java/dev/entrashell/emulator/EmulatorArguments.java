package dev.entrashell.emulator;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The standalone emulator's command line.
 *
 * @param quiet true to not print a line per request
 * @param help true when --help was asked for (the other values are then defaults)
 * @param throttling when Graph answers 429 or 503 (--throttle)
 */
public record EmulatorArguments(
        Path stateDir,
        int loginPort,
        int graphPort,
        int userCount,
        Duration tokenLifetime,
        boolean quiet,
        boolean help,
        Throttling throttling) {

    public static final Path DEFAULT_STATE_DIR = Path.of("entra-emulator-state");
    static final int MAX_USERS = 1_000_000;
    static final long MAX_TOKEN_LIFETIME_SECONDS = Duration.ofDays(1).toSeconds();

    public static final String USAGE = String.join(
            "\n",
            "Usage: java -jar entra-emulator.jar [--state DIR] [--login-port N] [--graph-port N] [--users N]",
            "                                    [--token-lifetime SECONDS] [--throttle MODE] [--quiet]",
            "",
            "Runs a loopback emulator of Entra ID's token endpoint and Microsoft Graph over HTTPS on 127.0.0.1.",
            "",
            "  --state DIR                where the CA and demo credentials persist (default ./entra-emulator-state)",
            "  --login-port N             port of the token server (default 0: any free port)",
            "  --graph-port N             port of the Graph server (default 0: any free port)",
            "  --users N                  users in the demo tenant (default 300)",
            "  --token-lifetime SECONDS   lifetime of issued access tokens (default 3599; a managed identity's 86399)",
            "  --throttle MODE            Graph answers with Retry-After (and throttles early retries again):",
            "                               every:N:SECONDS    429 on every Nth request",
            "                               first:SECONDS      429 on the first request for each path",
            "                               unavailable:SECONDS  503 on the first request for each path",
            "  --quiet                    do not print a line per request",
            "  --help                     show this help",
            "");

    public static EmulatorArguments parse(String... args) throws UsageException {
        EmulatorOptions defaults = EmulatorOptions.defaults();
        Path stateDir = DEFAULT_STATE_DIR;
        int loginPort = 0;
        int graphPort = 0;
        int users = defaults.userCount();
        Duration lifetime = defaults.tokenLifetime();
        boolean quiet = false;
        Throttling throttling = Throttling.off();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help", "-h" -> {
                    return new EmulatorArguments(
                            stateDir, loginPort, graphPort, users, lifetime, quiet, true, throttling);
                }
                case "--quiet" -> quiet = true;
                case "--state" -> stateDir = path(name, inlineValue != null ? inlineValue : value(args, ++i, name));
                case "--login-port" ->
                    loginPort = port(name, inlineValue != null ? inlineValue : value(args, ++i, name));
                case "--graph-port" ->
                    graphPort = port(name, inlineValue != null ? inlineValue : value(args, ++i, name));
                case "--users" ->
                    users = (int) number(
                            name,
                            inlineValue != null ? inlineValue : value(args, ++i, name),
                            0,
                            MAX_USERS,
                            "e.g. --users 300");
                case "--token-lifetime" ->
                    lifetime = Duration.ofSeconds(number(
                            name,
                            inlineValue != null ? inlineValue : value(args, ++i, name),
                            1,
                            MAX_TOKEN_LIFETIME_SECONDS,
                            "e.g. --token-lifetime 3599"));
                case "--throttle" ->
                    throttling = throttling(name, inlineValue != null ? inlineValue : value(args, ++i, name));
                default ->
                    throw new UsageException(
                            (arg.startsWith("-") ? "unknown option '" + arg + "'" : "unexpected argument '" + arg + "'")
                                    + "; run with --help to see the options");
            }
        }
        if (loginPort != 0 && loginPort == graphPort) {
            throw new UsageException("--graph-port: " + graphPort
                    + " is also the login port; give the two servers different ports, or 0 for any free port");
        }
        return new EmulatorArguments(stateDir, loginPort, graphPort, users, lifetime, quiet, false, throttling);
    }

    public EmulatorOptions toOptions() {
        return EmulatorOptions.defaults()
                .withStateDir(stateDir)
                .withLoginPort(loginPort)
                .withGraphPort(graphPort)
                .withUserCount(userCount)
                .withTokenLifetime(tokenLifetime)
                .withThrottling(throttling);
    }

    private static Throttling throttling(String name, String value) throws UsageException {
        String[] parts = value.strip().split(":");
        String hint = "e.g. --throttle every:5:2, --throttle first:3 or --throttle unavailable:3";
        try {
            if (parts.length == 3 && parts[0].equals("every")) {
                return Throttling.everyNthRequest(
                        (int) number(name, parts[1], 2, 1_000_000, hint), (int) number(name, parts[2], 1, 3600, hint));
            }
            if (parts.length == 2 && parts[0].equals("first")) {
                return Throttling.firstRequestPerPath((int) number(name, parts[1], 1, 3600, hint));
            }
            if (parts.length == 2 && parts[0].equals("unavailable")) {
                return Throttling.serviceUnavailableOncePerPath((int) number(name, parts[1], 1, 3600, hint));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new UsageException(name + ": '" + value + "' is not a throttling mode; " + hint);
    }

    private static String value(String[] args, int index, String name) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(name + " needs a value; " + example(name));
        }
        return args[index];
    }

    private static Path path(String name, String value) throws UsageException {
        try {
            if (value.isBlank()) {
                throw new InvalidPathException(value, "empty");
            }
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(name + ": '" + value + "' is not a valid folder path; " + example(name));
        }
    }

    private static int port(String name, String value) throws UsageException {
        return (int) number(name, value, 0, 65535, "use 0 (any free port) or 1-65535");
    }

    private static long number(String name, String value, long min, long max, String hint) throws UsageException {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException(name + ": '" + value + "' is not a number from " + min + " to " + max + "; " + hint);
    }

    private static String example(String name) {
        return switch (name) {
            case "--state" -> "e.g. --state ./entra-emulator-state";
            case "--login-port" -> "e.g. --login-port 8443 (0 for any free port)";
            case "--graph-port" -> "e.g. --graph-port 8444 (0 for any free port)";
            case "--users" -> "e.g. --users 300";
            case "--throttle" -> "e.g. --throttle every:5:2";
            default -> "e.g. --token-lifetime 3599";
        };
    }
}

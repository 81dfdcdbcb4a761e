package dev.entrashell.emulator.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.User;

/**
 * Generates a tenant's users deterministically: user n depends only on the seed, the tenant and n,
 * so every run (and any count) shows the same people, and a test can name one.
 */
public final class DemoUsers {
    private static final String[] FIRST_NAMES = {
        "Adele",
        "Alex",
        "Allan",
        "Amara",
        "Ana",
        "Ben",
        "Bianca",
        "Carlos",
        "Chen",
        "Christie",
        "Dana",
        "Debra",
        "Diego",
        "Elena",
        "Emily",
        "Enrico",
        "Fatima",
        "Grady",
        "Hana",
        "Henrietta",
        "Irvin",
        "Isaiah",
        "Ivan",
        "Jamal",
        "Johanna",
        "Joni",
        "Kenji",
        "Lee",
        "Lidia",
        "Lynne",
        "Malik",
        "Megan",
        "Miriam",
        "Nestor",
        "Nora",
        "Olga",
        "Omar",
        "Patti",
        "Pradeep",
        "Priya",
        "Quentin",
        "Raul",
        "Rosa",
        "Sakura",
        "Samir",
        "Sofia",
        "Tomas",
        "Uma",
        "Victor",
        "Wei",
        "Yara",
        "Zoe"
    };
    private static final String[] LAST_NAMES = {
        "Adams",
        "Ahmed",
        "Bauer",
        "Becker",
        "Brown",
        "Castillo",
        "Chen",
        "Cruz",
        "Dubois",
        "Evans",
        "Fernandes",
        "Fischer",
        "Garcia",
        "Gupta",
        "Hansen",
        "Hernandez",
        "Ito",
        "Jensen",
        "Johnson",
        "Kim",
        "Kowalski",
        "Larsen",
        "Lopez",
        "Martin",
        "Meyer",
        "Miller",
        "Moreau",
        "Nakamura",
        "Nguyen",
        "Novak",
        "Okafor",
        "Olsen",
        "Patel",
        "Peeters",
        "Petrov",
        "Rossi",
        "Santos",
        "Schmidt",
        "Silva",
        "Singh",
        "Sorensen",
        "Tanaka",
        "Thomas",
        "Varga",
        "Vance",
        "Wagner",
        "Wilber",
        "Wong",
        "Yilmaz",
        "Zhang"
    };
    private static final String[] JOB_TITLES = {
        "Accountant",
        "Attorney",
        "Business Analyst",
        "CFO",
        "Designer",
        "Developer",
        "Director",
        "HR Manager",
        "IT Admin",
        "Marketing Assistant",
        "Marketing Manager",
        "Product Manager",
        "Project Manager",
        "Retail Manager",
        "Sales Representative",
        "Senior Engineer",
        "Support Engineer",
        "VP Marketing",
        "VP Sales"
    };
    private static final String[] DEPARTMENTS = {
        "Engineering",
        "Executive Management",
        "Finance",
        "Human Resources",
        "IT",
        "Legal",
        "Marketing",
        "Operations",
        "Product",
        "Retail",
        "Sales",
        "Support"
    };
    private static final String[] LANGUAGES = {"en-US", "en-US", "en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "ja-JP"};
    private static final String[] GUEST_DOMAINS = {
        "example.com", "fabrikam.com", "northwindtraders.com", "adventure-works.com", "tailspintoys.com"
    };
    private static final Instant EARLIEST_CREATED = Instant.parse("2019-06-01T00:00:00Z");
    private static final long CREATION_WINDOW_SECONDS = Duration.ofDays(6 * 365).toSeconds();
    private static final long DAY = Duration.ofDays(1).toSeconds();

    /** The "now" that sign-in times are relative to when the caller gives none. */
    public static final Instant REFERENCE_NOW = Instant.parse("2025-06-01T08:00:00Z");

    private DemoUsers() {}

    public static List<User> generate(long seed, String tenantId, String domain, int count) {
        return generate(seed, tenantId, domain, count, REFERENCE_NOW);
    }

    /**
     * @param now sign-in activity is relative to it (days ago), so that stale accounts stay stale
     *     by the same amount whenever the emulator runs
     */
    public static List<User> generate(long seed, String tenantId, String domain, int count, Instant now) {
        List<User> users = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            users.add(user(seed, tenantId, domain, n, now));
        }
        return users;
    }

    /** User number n (from 1). */
    public static User user(long seed, String tenantId, String domain, int n) {
        return user(seed, tenantId, domain, n, REFERENCE_NOW);
    }

    /**
     * User number n (from 1), with sign-in activity relative to now: most members signed in within
     * the last month; some members, and most guests, months ago or never.
     */
    public static User user(long seed, String tenantId, String domain, int n, Instant now) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        String alias = (first + "." + last).toLowerCase(Locale.ROOT) + n;
        String id = Guids.fromName(tenantId + "/users/" + n);
        Instant created = EARLIEST_CREATED.plusSeconds(random.nextLong(CREATION_WINDOW_SECONDS));
        boolean guest = random.nextInt(100) < 5;
        if (guest) {
            String home = pick(random, GUEST_DOMAINS);
            Instant[] signIns = guestSignIns(random, created, now);
            return new User(
                    id,
                    first + " " + last,
                    first,
                    last,
                    alias + "_" + home + "#EXT#@" + domain,
                    alias + "@" + home,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    true,
                    "Guest",
                    created,
                    alias + "_" + home + "#EXT#",
                    null,
                    signIns[0],
                    signIns[1]);
        }
        List<String> phones =
                random.nextInt(10) < 8 ? List.of(String.format("+1 425 555 %04d", random.nextInt(10_000))) : List.of();
        String mobile = random.nextInt(10) < 6 ? String.format("+1 206 555 %04d", random.nextInt(10_000)) : null;
        String upn = alias + "@" + domain;
        String jobTitle = pick(random, JOB_TITLES);
        String department = pick(random, DEPARTMENTS);
        String office = (1 + random.nextInt(40)) + "/" + (1000 + random.nextInt(3000));
        String language = pick(random, LANGUAGES);
        boolean enabled = random.nextInt(100) < 97;
        Instant[] signIns = memberSignIns(random, enabled, created, now);
        return new User(
                id,
                first + " " + last,
                first,
                last,
                upn,
                upn,
                jobTitle,
                department,
                office,
                phones,
                mobile,
                language,
                enabled,
                "Member",
                created,
                alias,
                language.substring(language.indexOf('-') + 1).intern(),
                signIns[0],
                signIns[1]);
    }

    /** Interactive and non-interactive last sign-ins of a member: mostly recent, some stale or never. */
    private static Instant[] memberSignIns(SplittableRandom random, boolean enabled, Instant created, Instant now) {
        int roll = random.nextInt(100);
        long interactiveDaysAgo;
        if (!enabled) {
            interactiveDaysAgo = roll < 50 ? -1 : 120 + random.nextInt(380);
        } else if (roll < 4) {
            interactiveDaysAgo = -1;
        } else if (roll < 10) {
            interactiveDaysAgo = 90 + random.nextInt(310);
        } else {
            interactiveDaysAgo = random.nextInt(30);
        }
        long nonInteractiveLag = random.nextInt(10);
        long secondsOfDay = random.nextLong(DAY);
        return signIns(interactiveDaysAgo, nonInteractiveLag, secondsOfDay, created, now);
    }

    /** Guests: about a third never signed in, most of the rest not for months. */
    private static Instant[] guestSignIns(SplittableRandom random, Instant created, Instant now) {
        int roll = random.nextInt(100);
        long interactiveDaysAgo;
        if (roll < 35) {
            interactiveDaysAgo = -1;
        } else if (roll < 75) {
            interactiveDaysAgo = 90 + random.nextInt(310);
        } else {
            interactiveDaysAgo = 1 + random.nextInt(60);
        }
        long nonInteractiveLag = random.nextInt(3);
        long secondsOfDay = random.nextLong(DAY);
        return signIns(interactiveDaysAgo, nonInteractiveLag, secondsOfDay, created, now);
    }

    /**
     * @param interactiveDaysAgo -1 for never
     * @param nonInteractiveLag days after the interactive sign-in that tokens were last refreshed
     */
    private static Instant[] signIns(
            long interactiveDaysAgo, long nonInteractiveLag, long secondsOfDay, Instant created, Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        if (interactiveDaysAgo < 0 || !created.isBefore(now)) {
            return new Instant[] {null, null};
        }
        Instant interactive = today.minusSeconds(interactiveDaysAgo * DAY).plusSeconds(secondsOfDay);
        if (interactive.isAfter(now)) {
            interactive = now.minusSeconds(DAY - secondsOfDay);
        }
        if (interactive.isBefore(created)) {
            interactive = created;
        }
        Instant nonInteractive = interactive.plusSeconds(nonInteractiveLag * DAY);
        if (nonInteractive.isAfter(now)) {
            nonInteractive = interactive;
        }
        return new Instant[] {interactive, nonInteractive};
    }

    /** The departments members belong to. */
    public static List<String> departments() {
        return List.of(DEPARTMENTS);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}

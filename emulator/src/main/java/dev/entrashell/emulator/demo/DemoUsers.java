package dev.entrashell.emulator.demo;

import java.time.Duration;
import java.time.Instant;
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

    private DemoUsers() {}

    public static List<User> generate(long seed, String tenantId, String domain, int count) {
        List<User> users = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            users.add(user(seed, tenantId, domain, n));
        }
        return users;
    }

    /** User number n (from 1). */
    public static User user(long seed, String tenantId, String domain, int n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        String alias = (first + "." + last).toLowerCase(Locale.ROOT) + n;
        String id = Guids.fromName(tenantId + "/users/" + n);
        Instant created = EARLIEST_CREATED.plusSeconds(random.nextLong(CREATION_WINDOW_SECONDS));
        boolean guest = random.nextInt(100) < 5;
        if (guest) {
            String home = pick(random, GUEST_DOMAINS);
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
                    created);
        }
        List<String> phones =
                random.nextInt(10) < 8 ? List.of(String.format("+1 425 555 %04d", random.nextInt(10_000))) : List.of();
        String mobile = random.nextInt(10) < 6 ? String.format("+1 206 555 %04d", random.nextInt(10_000)) : null;
        return new User(
                id,
                first + " " + last,
                first,
                last,
                alias + "@" + domain,
                alias + "@" + domain,
                pick(random, JOB_TITLES),
                pick(random, DEPARTMENTS),
                (1 + random.nextInt(40)) + "/" + (1000 + random.nextInt(3000)),
                phones,
                mobile,
                pick(random, LANGUAGES),
                random.nextInt(100) < 97,
                "Member",
                created);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}

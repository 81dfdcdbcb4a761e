package dev.entrashell.emulator.graph.query;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.graph.error.GraphException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterTest {
    private static final Instant CREATED = Instant.parse("2022-05-01T10:00:00Z");
    private static final User ADELE = new User(
            "11111111-1111-1111-1111-111111111111",
            "Adele O'Neil",
            "Adele",
            "O'Neil",
            "adele@contoso.com",
            "adele@contoso.com",
            "CFO",
            "Finance",
            "1/1001",
            List.of("+1 425 555 0100"),
            null,
            "en-US",
            true,
            "Member",
            CREATED,
            "adele",
            "US",
            Instant.parse("2025-01-10T08:00:00Z"),
            null);
    private static final Group TEAM = new Group(
            "22222222-2222-2222-2222-222222222222",
            "Team",
            null,
            "team",
            "team@contoso.com",
            true,
            false,
            List.of("Unified"),
            "Public",
            CREATED);

    @Test
    void evaluatesComparisonsIgnoringCase() throws Exception {
        assertThat(matches("displayName eq 'ADELE o''neil'")).isTrue();
        assertThat(matches("surname eq 'O''Neil' and givenName eq 'Adele'")).isTrue();
        assertThat(matches("userType eq 'Guest' or accountEnabled eq true")).isTrue();
        assertThat(matches("userType eq 'Guest' or (accountEnabled eq true and department eq 'Sales')"))
                .isFalse();
        assertThat(matches("startswith(displayName,'ade')")).isTrue();
        assertThat(matches("STARTSWITH(mail, 'bob')")).isFalse();
        assertThat(matches("department in ('Sales', 'finance')")).isTrue();
        assertThat(matches("id eq 11111111-1111-1111-1111-111111111111")).isTrue();
        assertThat(matches("createdDateTime ge 2022-05-01T10:00:00Z and createdDateTime lt 2022-05-02"))
                .isTrue();
        assertThat(matches("createdDateTime gt 2022-05-01T10:00:00Z")).isFalse();
        assertThat(matches("businessPhones/any(p:startswith(p,'+1 425'))")).isTrue();
        assertThat(matches("signInActivity/lastSignInDateTime le 2025-01-01T00:00:00Z"))
                .isFalse();
        assertThat(matches("signInActivity/lastNonInteractiveSignInDateTime eq null"))
                .isTrue();
    }

    @Test
    void evaluatesAdvancedOperatorsWhenAllowed() throws Exception {
        assertThat(matchesAdvanced("userType ne 'Guest'")).isTrue();
        assertThat(matchesAdvanced("not(accountEnabled eq true)")).isFalse();
        assertThat(matchesAdvanced("NOT startsWith(displayName,'Bob')")).isTrue();
        assertThat(matchesAdvanced("endswith(mail,'@CONTOSO.com')")).isTrue();
        assertThat(matchesAdvanced("mobilePhone eq null")).isTrue();
        Filter unified = Filter.parse("groupTypes/any(c:c eq 'unified')");
        unified.check(EntityTypes.GROUP, false);
        assertThat(unified.matches(TEAM)).isTrue();
    }

    @Test
    void refusesWithGraphsCodesAndMessages() {
        assertRefused(
                "userType ne 'Guest'",
                false,
                "Request_UnsupportedQuery",
                "Filter operator 'NotEqualsMatch' is not supported.");
        assertRefused(
                "not(userType eq 'Guest')",
                false,
                "Request_UnsupportedQuery",
                "Filter operator 'Not' is not supported.");
        assertRefused(
                "officeLocation eq '1/1001'",
                false,
                "Request_UnsupportedQuery",
                "Unsupported or invalid query filter clause specified for property 'officeLocation' of resource"
                        + " 'User'.");
        assertRefused(
                "endswith(displayName,'x')",
                true,
                "Request_UnsupportedQuery",
                "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'User'.");
        assertRefused(
                "substringof('a',displayName)",
                false,
                "Request_UnsupportedQuery",
                "Unsupported property filter clause operator 'Substringof'.");
        assertRefused(
                "shoeSize eq 44",
                false,
                "Request_BadRequest",
                "Could not find a property named 'shoeSize' on type 'Microsoft.DirectoryServices.User'.");
        assertRefused(
                "accountEnabled eq 1",
                false,
                "BadRequest",
                "A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and"
                        + " 'Edm.Int32' for operator kind 'Equal'.");
        assertRefused(
                "displayName eq 'a' and",
                false,
                "BadRequest",
                "Invalid filter clause: Syntax error at position 22 in 'displayName eq 'a' and'.");
        assertRefused("displayName eq 'open", false, "BadRequest", null);
        assertRefused("groupTypes/all(c:c eq 'x')", false, "Request_UnsupportedQuery", null);
        assertRefused(
                "userType eq 'Guest' and signInActivity/lastSignInDateTime le 2025-01-01T00:00:00Z",
                false,
                "Request_UnsupportedQuery",
                "Unsupported or invalid query filter clause specified for property 'signInActivity' of resource"
                        + " 'User'.");
        assertRefused("signInActivity eq null", false, "Request_UnsupportedQuery", null);
    }

    private static boolean matches(String filter) throws GraphException {
        Filter parsed = Filter.parse(filter);
        parsed.check(EntityTypes.USER, false);
        return parsed.matches(ADELE);
    }

    private static boolean matchesAdvanced(String filter) throws GraphException {
        Filter parsed = Filter.parse(filter);
        parsed.check(EntityTypes.USER, true);
        return parsed.matches(ADELE);
    }

    private static void assertRefused(String filter, boolean advanced, String code, String message) {
        assertThatThrownBy(() -> Filter.parse(filter).check(EntityTypes.USER, advanced))
                .as(filter)
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(code);
                    if (message != null) {
                        assertThat(e.getMessage()).isEqualTo(message);
                    }
                });
    }
}

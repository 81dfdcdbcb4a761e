package dev.entrashell.emulator.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.DirectoryObject;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.KeyCredential;
import dev.entrashell.emulator.directory.PasswordCredential;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDirectoryTest {
    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @Test
    void seedsTheSameDirectoryEveryTime() {
        TenantObjects first = seed(300);
        TenantObjects second = seed(300);

        assertThat(second.groups()).isEqualTo(first.groups());
        assertThat(second.devices()).isEqualTo(first.devices());
        assertThat(second.applications()).isEqualTo(first.applications());
        for (Group group : first.groups()) {
            assertThat(ids(second.members(group.id()))).isEqualTo(ids(first.members(group.id())));
            assertThat(ids(second.owners(group.id()))).isEqualTo(ids(first.owners(group.id())));
        }
        assertThat(first.group(DemoSeed.IT_ADMINS_GROUP_ID))
                .map(Group::displayName)
                .hasValue("IT Admins");
    }

    @Test
    void hasStaleAndNeverSignedInGuestsAndMostlyActiveMembers() {
        List<User> users = seed(2000).users();
        Instant stale = NOW.minus(Duration.ofDays(90));
        List<User> guests = users.stream().filter(User::isGuest).toList();
        long guestsNever =
                guests.stream().filter(u -> u.lastSignInDateTime() == null).count();
        long guestsStale = guests.stream()
                .filter(u ->
                        u.lastSignInDateTime() != null && u.lastSignInDateTime().isBefore(stale))
                .count();
        assertThat(guestsNever).isGreaterThan(guests.size() / 5);
        assertThat(guestsStale).isGreaterThan(guests.size() / 5);
        List<User> members = users.stream().filter(u -> !u.isGuest()).toList();
        long active = members.stream()
                .filter(u -> u.lastSignInDateTime() != null
                        && u.lastSignInDateTime().isAfter(NOW.minus(Duration.ofDays(30))))
                .count();
        assertThat(active).isGreaterThan(members.size() * 8 / 10);
        assertThat(users).allSatisfy(u -> {
            if (u.lastSignInDateTime() != null) {
                assertThat(u.lastSignInDateTime()).isBeforeOrEqualTo(NOW).isAfterOrEqualTo(u.createdDateTime());
                assertThat(u.lastNonInteractiveSignInDateTime()).isAfterOrEqualTo(u.lastSignInDateTime());
            }
        });
    }

    @Test
    void spreadsCredentialExpiryAroundNow() {
        TenantObjects objects = seed(50);
        Application hrSync = objects.applicationByAppId(DemoSeed.HR_SYNC_APP_ID).orElseThrow();
        KeyCredential certificate = hrSync.keyCredentials().get(0);
        assertThat(certificate.endDateTime()).isEqualTo(NOW.plus(Duration.ofDays(15)));
        Application payroll =
                objects.applicationByAppId(DemoSeed.PAYROLL_APP_ID).orElseThrow();
        PasswordCredential expired = payroll.passwordCredentials().get(0);
        assertThat(expired.endDateTime()).isBefore(NOW);
        Application analytics =
                objects.applicationByAppId(DemoSeed.MARKETING_ANALYTICS_APP_ID).orElseThrow();
        assertThat(analytics.passwordCredentials())
                .extracting(PasswordCredential::endDateTime)
                .containsExactly(NOW.plus(Duration.ofDays(20)), NOW.plus(Duration.ofDays(720)));
        assertThat(objects.applicationByAppId(DemoSeed.TEAMS_BOT_APP_ID)
                        .orElseThrow()
                        .keyCredentials())
                .isEmpty();
        assertThat(objects.appRoleAssignments(objects.servicePrincipalByAppId(DemoSeed.BACKUP_APP_ID)
                        .orElseThrow()
                        .id()))
                .extracting(a -> a.resourceDisplayName())
                .containsExactlyInAnyOrder("Microsoft Graph", "Office 365 Exchange Online");
    }

    @Test
    void seedsTinyTenantsToo() {
        for (int count : new int[] {0, 1, 3}) {
            TenantObjects objects = seed(count);
            assertThat(objects.users()).hasSize(count);
            assertThat(objects.groups()).hasSize(25);
            assertThat(objects.members(DemoSeed.VPN_USERS_GROUP_ID))
                    .extracting(DirectoryObject::id)
                    .contains(DemoSeed.IT_ADMINS_GROUP_ID);
        }
    }

    private static TenantObjects seed(int users) {
        Directory directory = new Directory();
        directory.registerTenant(DemoSeed.TENANT_ID, DemoSeed.DOMAIN, DemoSeed.ORGANIZATION_NAME);
        TenantObjects objects = directory.objects(DemoSeed.TENANT_ID);
        DemoDirectory.seed(
                objects,
                DemoSeed.DOMAIN,
                DemoUsers.generate(DemoSeed.USER_SEED, DemoSeed.TENANT_ID, DemoSeed.DOMAIN, users, NOW),
                NOW);
        return objects;
    }

    private static List<String> ids(List<DirectoryObject> objects) {
        return objects.stream().map(DirectoryObject::id).toList();
    }
}

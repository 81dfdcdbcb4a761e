package dev.entrashell.emulator.demo;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.directory.User;

import static org.assertj.core.api.Assertions.assertThat;

class DemoUsersTest {
    private static final String DOMAIN = "contosodemo.onmicrosoft.com";

    @Test
    void generatesTheSameUsersEveryTimeWhateverTheCount() {
        List<User> first = DemoUsers.generate(DemoSeed.USER_SEED, DemoSeed.TENANT_ID, DOMAIN, 300);
        List<User> again = DemoUsers.generate(DemoSeed.USER_SEED, DemoSeed.TENANT_ID, DOMAIN, 300);
        List<User> fewer = DemoUsers.generate(DemoSeed.USER_SEED, DemoSeed.TENANT_ID, DOMAIN, 10);

        assertThat(again).isEqualTo(first);
        assertThat(fewer).isEqualTo(first.subList(0, 10));
    }

    @Test
    void makesUniqueIdsAndUserPrincipalNamesOfTheDocumentedShapes() {
        List<User> users = DemoUsers.generate(DemoSeed.USER_SEED, DemoSeed.TENANT_ID, DOMAIN, 2000);

        assertThat(users.stream().map(User::id).collect(Collectors.toSet())).hasSize(2000);
        assertThat(users.stream().map(User::userPrincipalName).collect(Collectors.toSet()))
                .hasSize(2000);
        long guests = users.stream().filter(u -> u.userType().equals("Guest")).count();
        assertThat(guests).isBetween(60L, 140L); // about 5 %
        for (User user : users) {
            assertThat(user.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(user.userType()).isIn(Set.of("Member", "Guest"));
            if (user.userType().equals("Guest")) {
                assertThat(user.userPrincipalName()).matches("[a-z]+\\.[a-z]+\\d+_[a-z.-]+#EXT#@" + DOMAIN);
            } else {
                assertThat(user.userPrincipalName()).matches("[a-z]+\\.[a-z]+\\d+@" + DOMAIN);
                assertThat(user.mail()).isEqualTo(user.userPrincipalName());
                assertThat(user.jobTitle()).isNotNull();
                assertThat(user.department()).isNotNull();
            }
        }
    }
}

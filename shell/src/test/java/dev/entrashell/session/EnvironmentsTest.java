package dev.entrashell.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentsTest {
    @TempDir
    Path dir;

    /** The four national clouds are built in with their endpoints; names ignore case. */
    @Test
    void builtInClouds() {
        Environments environments = new Environments(dir.resolve("environments.json"));
        assertThat(environments.list())
                .extracting(Environment::name)
                .containsExactly("Global", "China", "USGov", "USGovDoD");
        assertThat(environments.require("usgov").graphScope()).isEqualTo("https://graph.microsoft.us/.default");
        assertThat(environments.require("china").login().toString()).isEqualTo("https://login.chinacloudapi.cn");
        assertThatThrownBy(() -> environments.require("Mars"))
                .hasMessageContaining("Unknown environment 'Mars'")
                .hasMessageContaining("Global, China, USGov, USGovDoD");
    }

    /** Added environments persist, owner-only, and are checked when added. */
    @Test
    void addedEnvironmentsPersist() throws Exception {
        Path file = dir.resolve("home/environments.json");
        new Environments(file).add("Lab", "https://login.lab.example/", "https://graph.lab.example", null);
        Environment lab = new Environments(file).require("lab");
        assertThat(lab.login().toString()).isEqualTo("https://login.lab.example");
        assertThat(lab.builtIn()).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        new Environments(file).remove("LAB");
        assertThat(new Environments(file).find("Lab")).isEmpty();
    }

    /** Plain http, built-in names and CA files that are not certificates are refused. */
    @Test
    void refusesBadEndpoints() throws Exception {
        Environments environments = new Environments(dir.resolve("environments.json"));
        assertThatThrownBy(() -> environments.add("Lab", "http://login.lab", "https://graph.lab", null))
                .hasMessageContaining("--login-endpoint 'http://login.lab' must be an https URL with a host, like "
                        + "https://login.example.com");
        assertThatThrownBy(() -> environments.add("Lab", "https://login.lab", "ftp://graph.lab", null))
                .hasMessageContaining("--graph-endpoint 'ftp://graph.lab' must be an https URL with a host, like "
                        + "https://graph.example.com");
        assertThatThrownBy(() -> environments.add("global", "https://a", "https://b", null))
                .hasMessageContaining("built-in");
        Path notCa = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        assertThatThrownBy(() -> environments.add("Lab", "https://a", "https://b", notCa))
                .hasMessageContaining("ca.pem");
        assertThatThrownBy(() -> environments.remove("Nowhere")).hasMessageContaining("Unknown environment 'Nowhere'");
    }
}

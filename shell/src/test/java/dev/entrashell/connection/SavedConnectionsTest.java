package dev.entrashell.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.errors.ShellException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavedConnectionsTest {
    @TempDir
    Path home;

    private static SavedConnection saved(String name, Map<String, String> credential) {
        return new SavedConnection(
                name,
                "contoso.onmicrosoft.com",
                "11111111-2222-3333-4444-555555555555",
                "USGov",
                credential,
                false,
                null);
    }

    @Test
    void savedOwnerOnlyAndReplacedByNameWhateverItsCase() throws Exception {
        SavedConnections connections = new SavedConnections(home.resolve("connections.json"));
        connections.save(saved("prod", Map.of("thumbprint", "0F3A")));
        connections.save(saved("test", Map.of("secret-env", "TEST_SECRET")));
        connections.save(saved("PROD", Map.of("subject-name", "CN=Automation")));

        assertThat(connections.names()).containsExactly("PROD", "test");
        assertThat(connections.require("prod").credential()).containsEntry("subject-name", "CN=Automation");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(connections.file())))
                .isEqualTo("rw-------");
        assertThat(connections.remove("Test")).isTrue();
        assertThat(connections.remove("test")).isFalse();
        assertThatThrownBy(() -> connections.require("test"))
                .hasMessage("No saved connection 'test'. Saved: PROD. Save one with: connect ... --name test");
    }

    @Test
    void aDamagedFileIsNamedInOneLineAndNeverSavedOver() throws Exception {
        Path file = Files.writeString(home.resolve("connections.json"), "{\"connections\": [ {\"name\": ");
        SavedConnections connections = new SavedConnections(file);

        assertThatThrownBy(connections::list)
                .isInstanceOf(ShellException.class)
                .hasMessageStartingWith("Cannot read the saved connections in " + file + ": not valid JSON (")
                .hasMessageEndingWith("Fix the file or move it aside; it was left as it is.")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> connections.save(saved("prod", Map.of("thumbprint", "0F3A"))))
                .isInstanceOf(ShellException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"connections\": [ {\"name\": ");

        Files.writeString(file, "{\"connections\": [ {\"tenant\": \"x\"} ]}");
        assertThatThrownBy(connections::list).hasMessageContaining(": an entry has no \"name\". Fix the file");
        Files.writeString(file, "{\"connections\": [ {\"name\": \"has space\"} ]}");
        assertThatThrownBy(connections::list).hasMessageContaining("Connection name 'has space' is not valid");
    }

    @Test
    void connectArgumentsAskForASecretAndRefuseOneWrittenIn() {
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("secret", SavedConnection.ASK);
        assertThat(saved("prod", asked).connectArguments())
                .containsExactly(
                        "--tenant-id",
                        "contoso.onmicrosoft.com",
                        "--client-id",
                        "11111111-2222-3333-4444-555555555555",
                        "--environment",
                        "USGov",
                        "--secret");
        assertThat(saved("prod", asked).credentialType()).isEqualTo("ClientSecret");

        assertThatThrownBy(
                        () -> saved("prod", Map.of("secret", "hunter2-value")).connectArguments())
                .hasMessageStartingWith("Saved connection 'prod' holds a value for 'secret', but a saved connection"
                        + " keeps no secret")
                .hasMessageNotContaining("hunter2-value");
        assertThatThrownBy(
                        () -> saved("prod", Map.of("client-secret-value", "x")).connectArguments())
                .hasMessageContaining("unknown credential entry 'client-secret-value': expected one of");
    }
}

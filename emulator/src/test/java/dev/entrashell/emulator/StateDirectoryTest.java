package dev.entrashell.emulator;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.demo.DemoTenant;

import static org.assertj.core.api.Assertions.assertThat;

class StateDirectoryTest {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path temp;

    @Test
    void keepsCaThumbprintAndSecretAcrossRestartsInOwnerOnlyFiles() throws Exception {
        Path state = temp.resolve("nested/state");
        EmulatorOptions options = EmulatorOptions.defaults().withStateDir(state).withUserCount(5);

        X509Certificate firstCa;
        DemoTenant first;
        try (Emulator emulator = Emulator.start(options)) {
            firstCa = emulator.caCertificate();
            first = emulator.demo();
        }
        try (Emulator emulator = Emulator.start(options)) {
            assertThat(emulator.caCertificate()).isEqualTo(firstCa);
            assertThat(emulator.demo().thumbprintSha1Hex()).isEqualTo(first.thumbprintSha1Hex());
            assertThat(emulator.demo().clientSecret()).isEqualTo(first.clientSecret());
            assertThat(emulator.demo().privateKey()).isEqualTo(first.privateKey());
            // the servers still answer with a certificate from the same CA
            assertThat(new TestClient(firstCa)
                            .get(emulator.graphEndpoint().resolve("/v1.0/organization"), null)
                            .statusCode())
                    .isEqualTo(401);
        }

        assertThat(first.pfxFile()).isEqualTo(state.toAbsolutePath().resolve("demo-app.pfx"));
        assertThat(first.pemFile()).isEqualTo(state.toAbsolutePath().resolve("demo-app.pem"));
        assertThat(fileNames(state))
                .containsExactlyInAnyOrder(
                        "ca-key.pem",
                        "ca.pem",
                        "demo-app.pfx",
                        "demo-app.pfx.password",
                        "demo-app.pem",
                        "demo-app.cer",
                        "demo-app.secret");
        if (isPosix(state)) {
            assertThat(Files.getPosixFilePermissions(state)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(state)) {
                files.forEach(file ->
                        assertThat(permissions(file)).as(file.toString()).isEqualTo(OWNER_READ_WRITE));
            }
        }
    }

    @Test
    void writesCredentialFilesClientsCanLoad() throws Exception {
        Path state = temp.resolve("state");
        try (Emulator emulator =
                Emulator.start(EmulatorOptions.defaults().withStateDir(state).withUserCount(1))) {
            DemoTenant demo = emulator.demo();
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");

            char[] password =
                    Files.readString(state.resolve("demo-app.pfx.password")).toCharArray();
            assertThat(password).isEqualTo(demo.pfxPassword());
            KeyStore pfx = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(demo.pfxFile())) {
                pfx.load(in, password);
            }
            List<String> aliases = Collections.list(pfx.aliases());
            assertThat(aliases).hasSize(1);
            assertThat(pfx.getCertificate(aliases.get(0))).isEqualTo(demo.certificate());
            assertThat(pfx.getKey(aliases.get(0), password)).isEqualTo(demo.privateKey());

            String pem = Files.readString(demo.pemFile());
            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").contains("-----BEGIN PRIVATE KEY-----\n");
            assertThat(pem.indexOf("CERTIFICATE")).isLessThan(pem.indexOf("PRIVATE KEY"));

            try (InputStream in = Files.newInputStream(state.resolve("demo-app.cer"))) {
                assertThat(x509.generateCertificate(in)).isEqualTo(demo.certificate());
            }
            assertThat(Files.readString(state.resolve("demo-app.secret"))).isEqualTo(demo.clientSecret());
            try (InputStream in = Files.newInputStream(state.resolve("ca.pem"))) {
                assertThat(x509.generateCertificate(in)).isEqualTo(emulator.caCertificate());
            }

            X509Certificate certificate = demo.certificate();
            assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Entra Shell Demo");
            assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
            assertThat(certificate.getKeyUsage()[0]).isTrue(); // digitalSignature
            assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
            assertThat(demo.thumbprintSha1Hex()).matches("[0-9A-F]{40}");
            assertThat(demo.clientSecret()).hasSize(40).contains("8Q~");
        }
    }

    @Test
    @SuppressWarnings("try") // closes inside the try on purpose: closing twice must be harmless
    void keepsEverythingInMemoryWithoutStateDirectory() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withUserCount(1))) {
            assertThat(emulator.demo().pfxFile()).isNull();
            assertThat(emulator.demo().pemFile()).isNull();
            assertThat(emulator.demo().pfxPassword()).isNotEmpty();

            Path ca = emulator.writeCaCertificate(temp.resolve("out/ca.pem"));
            emulator.close(); // closing twice (hook and caller) is harmless

            assertThat(Files.readString(ca, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
            if (isPosix(ca)) {
                assertThat(permissions(ca)).isEqualTo(OWNER_READ_WRITE);
            }
        }
    }

    private static List<String> fileNames(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

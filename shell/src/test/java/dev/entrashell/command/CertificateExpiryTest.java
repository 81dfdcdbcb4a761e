package dev.entrashell.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.TestShell;
import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.certificate.Thumbprint;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;

import static org.assertj.core.api.Assertions.assertThat;

/** A certificate that runs out within a month is said at connect time; context shows when it runs out. */
class CertificateExpiryTest {
    @TempDir
    Path home;

    @Test
    void aCertificateCloseToExpiryIsWarnedAbout() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            DemoTenant demo = emulator.demo();
            TestCertificates.Issued soon = TestCertificates.issue(
                    "Soon Expiring",
                    "RSA",
                    2048,
                    Instant.now().minus(Duration.ofDays(300)),
                    Instant.now().plus(Duration.ofDays(10)));
            AppRegistration app = emulator.directory()
                    .application(demo.tenantId(), demo.clientId())
                    .orElseThrow();
            List<X509Certificate> certificates = new ArrayList<>(app.certificates());
            TestCertificates.Issued lasting = TestCertificates.rsa("Lasting", 2048);
            certificates.add(soon.certificate());
            certificates.add(lasting.certificate());
            emulator.directory().registerApplication(demo.tenantId(), app.withCertificates(certificates));
            char[] password = "Kw8-expiry-pfx".toCharArray();
            Path pfx = TestCertificates.writePfx(soon, home.resolve("soon.pfx"), password);
            Path passwordFile = Files.writeString(home.resolve("pfx-password.txt"), new String(password));
            TestShell shell = TestShell.against(emulator, home);

            int code = shell.run(
                    "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                            + " --certificate " + pfx + " --password-file " + passwordFile + " --no-welcome",
                    "context --output json");

            assertThat(code).as(shell.err()).isZero();
            String thumbprint = Thumbprint.of(soon.certificate()).hex();
            assertThat(shell.err())
                    .containsPattern("Warning: certificate " + thumbprint
                            + " \\(CN=Soon Expiring\\) expires \\S+Z, in (9|10) days: "
                            + "make a new one \\('cert new'\\), add it to the app registration, and connect with it.");
            assertThat(shell.out())
                    .contains("\"CertificateExpiresOn\": \""
                            + soon.certificate().getNotAfter().toInstant() + "\"");

            Path yearLong = TestCertificates.writePfx(lasting, home.resolve("lasting.pfx"), password);
            TestShell other = TestShell.against(emulator, home.resolve("other"));
            assertThat(other.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                            + demo.clientId() + " --certificate " + yearLong + " --password-file " + passwordFile
                            + " --no-welcome"))
                    .as(other.err())
                    .isZero();
            assertThat(other.err()).doesNotContain("Warning: certificate");
        }
    }
}

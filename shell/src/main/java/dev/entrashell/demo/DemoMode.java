package dev.entrashell.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

import dev.entrashell.command.LineTokenizer;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.state.DemoAppFiles;
import dev.entrashell.errors.ShellException;
import dev.entrashell.session.Environments;
import dev.entrashell.session.PrivateFiles;
import dev.entrashell.session.ShellHome;

/**
 * {@code --demo}: the tenant emulator in this process, registered as environment {@code Demo}, its demo
 * app's certificate in the default store, and the connect lines that work printed for a newcomer to
 * copy (on stderr, like every banner: standard output carries data only). The emulator keeps its CA and
 * demo credentials in {@code $ENTRA_SHELL_HOME/demo}, so the lines stay the same from one run to the next.
 * The {@code Demo} environment lives as long as the demo: it is removed when the demo ends, and one left
 * by a demo that crashed is replaced by the next.
 */
public final class DemoMode implements AutoCloseable {
    public static final String ENVIRONMENT = "Demo";

    private final Emulator emulator;
    private final Environments environments;

    private DemoMode(Emulator emulator, Environments environments) {
        this.emulator = emulator;
        this.environments = environments;
    }

    /** Starts the demo and writes its welcome, the connect lines that work, to {@code err}. */
    public static DemoMode start(ShellHome home, Environments environments, PrintWriter err) {
        Emulator emulator;
        try {
            emulator = Emulator.start(
                    EmulatorOptions.defaults().withStateDir(PrivateFiles.createDirectories(home.demoState())));
        } catch (IOException e) {
            throw new ShellException("Cannot start the demo tenant: " + e.getMessage(), e);
        }
        try {
            Path ca = emulator.writeCaCertificate(home.demoState().resolve("ca.pem"));
            environments.add(
                    ENVIRONMENT,
                    emulator.loginEndpoint().toString(),
                    emulator.graphEndpoint().toString(),
                    ca);
            DemoTenant demo = emulator.demo();
            Path stored = placeInDefaultStore(home, demo);
            printWelcome(err, emulator, demo, stored);
            return new DemoMode(emulator, environments);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            emulator.close();
            throw e instanceof ShellException shell
                    ? shell
                    : new ShellException("Cannot set up the demo tenant: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the demo certificate with its key into the default store as {@code THUMBPRINT.pfx} with an
     * empty password, as the .NET store on Linux keeps them; the file is owner-only.
     */
    private static Path placeInDefaultStore(ShellHome home, DemoTenant demo)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("demo", demo.privateKey(), new char[0], new Certificate[] {demo.certificate()});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, new char[0]);
        Path file = home.certificateStore().resolve(demo.thumbprintSha1Hex() + ".pfx");
        PrivateFiles.write(file, bytes.toByteArray());
        return file;
    }

    private static void printWelcome(PrintWriter out, Emulator emulator, DemoTenant demo, Path stored) {
        String common = "connect --environment " + ENVIRONMENT + " --tenant-id " + demo.domain() + " --client-id "
                + demo.clientId();
        out.println(
                "Demo tenant '" + demo.organizationName() + "' (" + demo.tenantId() + ") is running on this machine:");
        out.println("  login " + emulator.loginEndpoint() + ", Graph " + emulator.graphEndpoint() + ", environment '"
                + ENVIRONMENT + "'.");
        out.println("  App '" + demo.appName() + "' has the roles " + String.join(", ", demo.roles()) + ".");
        out.println("Connect with one of these lines:");
        out.println("  " + common + " --thumbprint " + demo.thumbprintSha1Hex());
        if (demo.pfxFile() != null) {
            out.println("  " + common + " --certificate "
                    + LineTokenizer.quote(demo.pfxFile().toString()) + " --password-file "
                    + LineTokenizer.quote(demo.pfxFile()
                            .resolveSibling(demo.pfxFile().getFileName() + ".password")
                            .toString()));
        }
        if (demo.pemFile() != null) {
            out.println("  " + common + " --certificate "
                    + LineTokenizer.quote(demo.pemFile().toString()));
            out.println("  " + common + " --secret-file "
                    + LineTokenizer.quote(demo.pemFile()
                            .resolveSibling(DemoAppFiles.SECRET_FILE)
                            .toString()));
        }
        out.println(
                "Then try: context, get /organization, get /users. The certificate is in " + stored.getParent() + ".");
        out.flush();
    }

    @Override
    public void close() {
        emulator.close();
        try {
            environments.remove(ENVIRONMENT);
        } catch (ShellException alreadyGone) {
            // removed by hand during the demo ('environment remove Demo'): nothing left to do
        }
    }
}

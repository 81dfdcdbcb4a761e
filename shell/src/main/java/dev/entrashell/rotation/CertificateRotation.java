package dev.entrashell.rotation;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import dev.entrashell.auth.AppIdentity;
import dev.entrashell.auth.ConnectRequest;
import dev.entrashell.auth.Connection;
import dev.entrashell.auth.Credential;
import dev.entrashell.certificate.CertificateCredential;
import dev.entrashell.certificate.CertificateFiles;
import dev.entrashell.certificate.NewCertificate;
import dev.entrashell.certificate.Passwords;
import dev.entrashell.certificate.PossessionProof;
import dev.entrashell.certificate.Thumbprint;
import dev.entrashell.connection.LiveConnection;
import dev.entrashell.errors.ShellException;
import dev.entrashell.graph.GraphClient;
import dev.entrashell.graph.GraphFailure;
import dev.entrashell.graph.GraphPermissionMap;
import dev.entrashell.services.ShellServices;

/**
 * {@code cert rotate}, step by step: make the new certificate, add it to the app ({@code addKey}, proof
 * signed by the current key), sign in with it, switch the session to it, remove the old key ({@code
 * removeKey}, proof signed by the new key), put the old key file aside. The old key goes only after the
 * new one has signed in, so a failure anywhere leaves the app a key that works; each failure says what
 * state the app is in and what to run. A rotation under way is written down before each step, so a
 * re-run (after a failure, or a killed process) finishes it instead of starting another.
 */
public final class CertificateRotation {
    /** What the command line asked for; {@code store}, {@code objectId}, {@code oldKeyId} may be null. */
    public record Options(
            int beforeDays,
            int months,
            int keyBits,
            boolean keepOld,
            boolean dryRun,
            String store,
            String objectId,
            String oldKeyId) {}

    /** The certificate the app and the session use now. {@code oldKeptAside} is null when nothing was moved. */
    public record Rotated(Thumbprint thumbprint, Instant notAfter, Path pfx, String keyId, Path oldKeptAside) {}

    private final ShellServices services;
    private final PrintWriter steps;

    public CertificateRotation(ShellServices services) {
        this.services = services;
        this.steps = services.output().err();
    }

    /**
     * @param newPassword the new .pfx's password, asked for only when a key file is to be written or opened
     * @return the new certificate, or empty when there was nothing to do (or only a dry run)
     */
    public Optional<Rotated> rotate(Options options, Supplier<char[]> newPassword) {
        Connection connection = services.session().require();
        CertificateCredential current = connection.certificate();
        if (current == null) {
            throw new ShellException("cert rotate needs a certificate connection, and this session signs in with "
                    + connection.credentialType() + ": connect with --thumbprint, --subject-name or --certificate,"
                    + " then run cert rotate.");
        }
        Path stateFile = RotationState.file(services.home(), connection.clientId());
        RotationState state = RotationState.read(stateFile);
        RotationState.Pending pending = state.pending();
        String currentThumbprint = current.thumbprint().hex();
        if (pending != null && pending.newThumbprint().equals(currentThumbprint)) {
            // A run switched to the new key and stopped before the old one was removed: finish that.
            line("A rotation to " + currentThumbprint + " is under way and this session already uses it: finishing.");
            return Optional.of(finish(connection, state, options, stateFile));
        }
        if (pending != null && !pending.oldThumbprint().equals(currentThumbprint)) {
            pending = null; // begun from a certificate this session no longer uses: it does not apply
        }
        Instant now = services.clock().instant();
        Instant expiry = current.certificate().getNotAfter().toInstant();
        long daysLeft = Duration.between(now, expiry).toDays();
        if (pending == null && options.beforeDays() > 0 && daysLeft >= options.beforeDays()) {
            line("Nothing to do: certificate " + currentThumbprint + " expires on " + expiry + ", " + daysLeft
                    + " days away, not within " + options.beforeDays() + " (--before 0 rotates now).");
            return Optional.empty();
        }
        GraphClient graph = new GraphClient(connection, services.cancellation(), GraphPermissionMap.load());
        ApplicationKeys keys = new ApplicationKeys(graph);
        Optional<ApplicationKeys.Application> application = keys.read(connection.clientId());
        String objectId = application
                .map(ApplicationKeys.Application::objectId)
                .or(() -> Optional.ofNullable(options.objectId()))
                .or(() -> Optional.ofNullable(state.objectId()))
                .orElse(null);
        RotationState.Pending begun = pending;
        String oldKeyId = application
                .flatMap(app -> app.keyIdOf(currentThumbprint))
                .or(() -> Optional.ofNullable(options.oldKeyId()))
                .or(() -> Optional.ofNullable(begun == null ? null : begun.oldKeyId()))
                .or(() -> Optional.ofNullable(currentThumbprint.equals(state.thumbprint()) ? state.keyId() : null))
                .orElse(null);
        requireIds(objectId, oldKeyId, options.keepOld(), application.isPresent(), connection.clientId());
        RotationState known = new RotationState(objectId, state.thumbprint(), state.keyId(), pending);
        if (options.dryRun()) {
            dryRun(current, expiry, objectId, oldKeyId, options, pending);
            return Optional.empty();
        }
        line("Certificate " + currentThumbprint + " (" + current.subject() + ") expires on " + expiry + ": rotating.");

        // 1. the new certificate, or the one a run before made
        char[] password = newPassword.get();
        try {
            CertificateCredential made;
            if (pending != null && Files.isRegularFile(Path.of(pending.newPfx()))) {
                made = CertificateFiles.load(Path.of(pending.newPfx()), passwords(password));
                line("1/5 Using the new certificate " + made.thumbprint() + " a run before made: " + pending.newPfx());
            } else {
                made = NewCertificate.make(
                        current.certificate().getSubjectX500Principal(),
                        options.months(),
                        options.keyBits(),
                        services.clock());
                // Out of the store's sight until it has signed in: a connect by subject name, which takes the
                // newest certificate, must not pick a key the app does not hold yet.
                Path pfx = NewCertificate.writeKey(
                        made,
                        RotationKeyFiles.folderFor(current, options, services.home())
                                .resolve(RotationKeyFiles.PENDING_FOLDER)
                                .resolve(made.thumbprint().hex() + ".pfx"),
                        password);
                pending = new RotationState.Pending(
                        currentThumbprint,
                        oldKeyId,
                        RotationKeyFiles.keyFile(current).map(Path::toString).orElse(null),
                        made.thumbprint().hex(),
                        pfx.toString(),
                        null);
                known = known.withPending(pending);
                known.write(stateFile);
                line("1/5 Made " + made.subject() + ": certificate " + made.thumbprint() + ", valid until "
                        + made.certificate().getNotAfter().toInstant() + ", key in " + pfx + ".");
            }
            Path newPfx = Path.of(pending.newPfx());

            // 2. addKey, unless a run before got that far
            String newKeyId = application
                    .flatMap(app -> app.keyIdOf(made.thumbprint().hex()))
                    .orElse(pending.newKeyId());
            if (newKeyId != null) {
                line("2/5 The app already holds the new certificate (key id " + newKeyId + "): not added again.");
            } else {
                try {
                    newKeyId = keys.add(objectId, made.certificate(), proof(current, objectId));
                } catch (ShellException e) {
                    throw failure(
                            "addKey failed: " + e.getMessage() + proofHint(e)
                                    + " Nothing changed on the app: it still signs in with "
                                    + currentThumbprint + ". The new key stays in " + newPfx
                                    + " for the next try: run cert rotate again (or delete that file to give up).",
                            e);
                }
                line("2/5 Added the new certificate to the app (addKey, key id " + newKeyId + ").");
            }
            pending = pending.withNewKeyId(newKeyId);
            known = known.withPending(pending);
            known.write(stateFile);

            // 3. a fresh sign-in with the new certificate proves it works before anything is removed
            Connection fresh;
            try {
                fresh = services.connector()
                        .connect(ConnectRequest.forApp(
                                new AppIdentity(connection.tenant(), connection.clientId()),
                                connection.environment().name(),
                                new Credential.CertificateFile(newPfx, passwords(password)),
                                connection.sendCertificateChain(),
                                connection.http().timeout()));
            } catch (ShellException e) {
                throw failure(
                        "Signing in with the new certificate failed: " + e.getMessage() + " The app holds both keys "
                                + "and this session still uses " + currentThumbprint + ", which keeps working. A new "
                                + "key can take a few minutes to reach every Entra ID server: run cert rotate again to "
                                + "finish. To undo, delete key " + newKeyId + " in the portal (Certificates & secrets)"
                                + " and the file " + newPfx + ".",
                        e);
            }
            line("3/5 Signed in with the new certificate " + made.thumbprint() + ".");
            newPfx = RotationKeyFiles.intoTheStore(newPfx);
            pending = new RotationState.Pending(
                    pending.oldThumbprint(),
                    pending.oldKeyId(),
                    pending.oldFile(),
                    pending.newThumbprint(),
                    newPfx.toString(),
                    pending.newKeyId());
            known = known.withPending(pending);
            known.write(stateFile);

            // 4. the session uses the new certificate from here on
            credentialChanged(connection, fresh, newPfx);
            line("4/5 This session now uses certificate " + made.thumbprint() + ".");
            return Optional.of(finish(fresh, known, options, stateFile));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The one place where the session's credential changes to the new certificate: whatever remembers a
     * connection (a saved named connection) is updated from here.
     *
     * @param newKeyFile the new certificate's .pfx
     */
    private void credentialChanged(Connection old, Connection fresh, Path newKeyFile) {
        Optional<String> name = services.session().active().map(LiveConnection::name);
        services.session().connect(fresh);
        if (name.isEmpty()) {
            return;
        }
        try {
            services.savedConnections()
                    .find(name.get())
                    .flatMap(saved -> SavedRotation.update(saved, fresh, newKeyFile, services.home()))
                    .ifPresent(updated -> {
                        services.savedConnections().save(updated);
                        line("    Saved connection '" + updated.name() + "' updated: 'connect " + updated.name()
                                + "' uses the new certificate (its password comes from where the saved one's did).");
                    });
        } catch (ShellException e) {
            // The rotation itself succeeded; the saved connection is the user's to fix, and the line says how.
            line("    Saved connection '" + name.get() + "' not updated: " + e.getMessage() + " Save it again with "
                    + "connect ... --name " + name.get() + ".");
        }
    }

    /** 5. removeKey (proof signed by the new key), unless --keep-old; then the old key file goes aside. */
    private Rotated finish(Connection connection, RotationState state, Options options, Path stateFile) {
        RotationState.Pending pending = state.pending();
        CertificateCredential now = connection.certificate();
        X509Certificate certificate = now.certificate();
        Path oldKeptAside = null;
        if (options.keepOld()) {
            line("5/5 Kept the old certificate " + pending.oldThumbprint() + " on the app (--keep-old); it signs in"
                    + " until it expires.");
        } else {
            GraphClient graph = new GraphClient(connection, services.cancellation(), GraphPermissionMap.load());
            try {
                new ApplicationKeys(graph).remove(state.objectId(), pending.oldKeyId(), proof(now, state.objectId()));
            } catch (ShellException e) {
                throw failure(
                        "removeKey failed: " + e.getMessage() + " The app holds both keys and this session uses the "
                                + "new certificate " + now.thumbprint() + "; the old one, " + pending.oldThumbprint()
                                + ", still signs in until it expires. Run cert rotate again to remove it.",
                        e);
            }
            line("5/5 Removed the old certificate " + pending.oldThumbprint() + " from the app (removeKey, key id "
                    + pending.oldKeyId() + ").");
            oldKeptAside = RotationKeyFiles.putAside(pending, this::line);
        }
        new RotationState(state.objectId(), now.thumbprint().hex(), pending.newKeyId(), null).write(stateFile);
        line("Connect lines with --subject-name '" + now.subject() + "' find the new certificate; lines with"
                + " --thumbprint need " + now.thumbprint() + ", and lines with --certificate need " + pending.newPfx()
                + ".");
        return new Rotated(
                now.thumbprint(),
                certificate.getNotAfter().toInstant(),
                Path.of(pending.newPfx()),
                pending.newKeyId(),
                oldKeptAside);
    }

    private void dryRun(
            CertificateCredential current,
            Instant expiry,
            String objectId,
            String oldKeyId,
            Options options,
            RotationState.Pending pending) {
        line("Dry run, nothing is written. Certificate " + current.thumbprint() + " expires on " + expiry + ".");
        line(
                pending != null
                        ? "Would continue the rotation to " + pending.newThumbprint() + " a run before began."
                        : "Would make a new certificate " + current.subject() + " for " + options.months()
                                + " months, RSA " + options.keyBits() + ", key in "
                                + RotationKeyFiles.folderFor(current, options, services.home())
                                + ".");
        line("Would add it to application " + objectId + " (addKey), sign in with it and switch this session to it.");
        line(
                options.keepOld()
                        ? "Would keep the old certificate on the app (--keep-old)."
                        : "Would remove the old certificate (removeKey, key id " + oldKeyId
                                + ") and keep its key file aside.");
    }

    private static void requireIds(
            String objectId, String oldKeyId, boolean keepOld, boolean readable, String clientId) {
        String why = readable
                ? "the app's certificate list does not show the current certificate"
                : "this app may not read its own registration (GET /applications(appId='" + clientId
                        + "') was refused)";
        if (objectId == null) {
            throw ShellException.usage("cert rotate needs the app's object id, and " + why + ": give --object-id ID "
                    + "(the portal's app registration Overview, Object ID) and --old-key-id ID (Certificates & "
                    + "secrets, Certificate ID).");
        }
        if (oldKeyId == null && !keepOld) {
            throw ShellException.usage("cert rotate needs the current certificate's key id to remove it, and " + why
                    + ": give --old-key-id ID (the portal's Certificates & secrets, Certificate ID), or --keep-old.");
        }
    }

    /** A proof of possession; kept out of --debug output, since for ten minutes it vouches for the key. */
    private String proof(CertificateCredential signer, String objectId) {
        String proof = PossessionProof.sign(signer, objectId, services.clock().instant());
        services.diagnostics().redactor().register(proof);
        return proof;
    }

    private Passwords passwords(char[] password) {
        return new Passwords(
                password, services.prompter(), services.diagnostics().redactor());
    }

    /** Graph answers a refused proof with 401, which otherwise reads as a token problem. */
    private static String proofHint(ShellException e) {
        return e instanceof GraphFailure failure && failure.status() == 401
                ? " (For addKey a 401 means Graph did not accept the proof of possession: it must be signed by a"
                        + " certificate of the app that is valid now. When none is, upload a new certificate by hand;"
                        + " see the README.)"
                : "";
    }

    private static ShellException failure(String message, ShellException cause) {
        return new ShellException(message, cause);
    }

    private void line(String text) {
        steps.println(text);
        steps.flush();
    }
}

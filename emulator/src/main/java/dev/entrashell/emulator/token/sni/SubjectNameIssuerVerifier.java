package dev.entrashell.emulator.token.sni;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.directory.TenantWorkloads;
import dev.entrashell.emulator.directory.TrustedCertificateSubject;
import dev.entrashell.emulator.jwt.Jws;
import dev.entrashell.emulator.jwt.JwsAlgorithm;
import dev.entrashell.emulator.tls.Thumbprints;
import dev.entrashell.emulator.token.error.AadErrorException;
import dev.entrashell.emulator.token.error.AadErrors;

/**
 * Subject name and issuer (SN+I) authentication: a client assertion signed with a certificate that
 * is not registered on the app, but whose subject the app trusts ({@code trustedCertificateSubjects})
 * and whose chain, sent leaf first in the {@code x5c} header, the JDK's PKIX validator leads to a
 * certificate authority the tenant trusts. Then the assertion's signature is checked with the
 * leaf's key. Revocation is not checked (the emulator publishes no CRLs).
 */
public final class SubjectNameIssuerVerifier {
    private final Directory directory;
    private final Clock clock;

    public SubjectNameIssuerVerifier(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** True when the assertion carries a chain and the app trusts certificate subjects at all. */
    public boolean applies(Jws jws, AppRegistration app, Tenant tenant) {
        return jws.header().has("x5c")
                && !directory
                        .workloads(tenant.id())
                        .trustedCertificateSubjects(app.clientId())
                        .isEmpty();
    }

    /**
     * Checks the chain and the signature.
     *
     * @return the leaf certificate whose key signed the assertion
     */
    public X509Certificate verify(Jws jws, JwsAlgorithm algorithm, AppRegistration app, Tenant tenant)
            throws AadErrorException {
        List<X509Certificate> chain = chain(jws);
        X509Certificate leaf = chain.get(0);
        checkHeaderThumbprint(jws, leaf);

        TenantWorkloads workloads = directory.workloads(tenant.id());
        List<TrustedCertificateSubject> trusted = workloads.trustedCertificateSubjects(app.clientId()).stream()
                .filter(subject -> subject.matches(leaf.getSubjectX500Principal()))
                .toList();
        if (trusted.isEmpty()) {
            throw new AadErrorException(AadErrors.certificateSubjectNotAuthorized(names(leaf)));
        }

        String thumbprint = Thumbprints.sha1Hex(leaf);
        Instant now = clock.instant();
        Instant start = leaf.getNotBefore().toInstant();
        Instant end = leaf.getNotAfter().toInstant();
        if (now.isAfter(end) || now.isBefore(start)) {
            throw new AadErrorException(
                    AadErrors.assertionKeyOutsideValidity(now.isAfter(end), thumbprint, start, end, app.clientId()));
        }

        checkChain(chain, trusted, workloads, now);

        if (!algorithm.verify(leaf.getPublicKey(), jws.signingInput(), jws.signature())) {
            throw new AadErrorException(AadErrors.assertionBadSignature(thumbprint, start, end, app.clientId()));
        }
        return leaf;
    }

    /** {@code x5c}: an array of standard-base64 DER certificates, leaf first (RFC 7515 section 4.1.6). */
    private static List<X509Certificate> chain(Jws jws) throws AadErrorException {
        JsonElement x5c = jws.header().get("x5c");
        if (x5c == null || !x5c.isJsonArray() || x5c.getAsJsonArray().isEmpty()) {
            throw new AadErrorException(
                    AadErrors.malformedAssertion("The 'x5c' header is not an array of certificates."));
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonElement element : x5c.getAsJsonArray()) {
                if (!(element instanceof JsonPrimitive primitive) || !primitive.isString()) {
                    throw new AadErrorException(
                            AadErrors.malformedAssertion("The 'x5c' header is not an array of certificates."));
                }
                byte[] der = Base64.getMimeDecoder().decode(primitive.getAsString());
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new AadErrorException(
                    AadErrors.malformedAssertion("The 'x5c' header holds something that is not a certificate."));
        }
        return chain;
    }

    /** A thumbprint in the header, when there is one, must be the leaf's. */
    private static void checkHeaderThumbprint(Jws jws, X509Certificate leaf) throws AadErrorException {
        Optional<byte[]> sha256 = decoded(jws, "x5t#S256");
        Optional<byte[]> sha1 = decoded(jws, "x5t");
        boolean mismatch = sha256.filter(value -> !Arrays.equals(value, Thumbprints.sha256(leaf)))
                        .isPresent()
                || sha1.filter(value -> !Arrays.equals(value, Thumbprints.sha1(leaf)))
                        .isPresent();
        if (mismatch) {
            throw new AadErrorException(AadErrors.malformedAssertion(
                    "The certificate thumbprint in the header is not the thumbprint of the first certificate in"
                            + " 'x5c'."));
        }
    }

    /** Like the certificate path: base64url or (as MSAL4J writes it) standard base64 with padding. */
    private static Optional<byte[]> decoded(Jws jws, String name) {
        return jws.headerString(name).flatMap(value -> {
            String urlSafe = value.strip().replace('+', '-').replace('/', '_').replaceAll("=+$", "");
            try {
                return Optional.of(Base64.getUrlDecoder().decode(urlSafe));
            } catch (IllegalArgumentException e) {
                return Optional.of(new byte[0]);
            }
        });
    }

    /**
     * The chain must validate (PKIX, at the emulator's time, without revocation) up to an authority
     * that one of the matching trusted subjects accepts.
     */
    private static void checkChain(
            List<X509Certificate> chain,
            List<TrustedCertificateSubject> trusted,
            TenantWorkloads workloads,
            Instant now)
            throws AadErrorException {
        Collection<X509Certificate> allAuthorities =
                workloads.trustedCertificateAuthorities().values();
        for (TrustedCertificateSubject subject : trusted) {
            Collection<X509Certificate> accepted =
                    subject.authorityId().equalsIgnoreCase(TrustedCertificateSubject.ANY_TRUSTED_AUTHORITY)
                            ? allAuthorities
                            : workloads.trustedCertificateAuthority(subject.authorityId()).stream()
                                    .toList();
            if (validates(chain, accepted, now)) {
                return;
            }
        }
        throw new AadErrorException(
                validates(chain, allAuthorities, now)
                        ? AadErrors.noTrustedAuthorityForSubject()
                        : AadErrors.invalidCertificateChain());
    }

    private static boolean validates(
            List<X509Certificate> chain, Collection<X509Certificate> authorities, Instant now) {
        if (authorities.isEmpty()) {
            return false;
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        authorities.forEach(authority -> anchors.add(new TrustAnchor(authority, null)));
        // A client may send the root too; the path ends below the trust anchor.
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && authorities.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** What Entra lists in AADSTS700030: the subject, then the DNS names of the alternative names. */
    private static List<String> names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        names.add(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253));
        try {
            Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    if (alternative.size() == 2 && Integer.valueOf(2).equals(alternative.get(0))) {
                        names.add(String.valueOf(alternative.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // the subject alone, then
        }
        return names;
    }
}

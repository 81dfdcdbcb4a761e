package dev.entrashell.emulator.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.entrashell.emulator.directory.AppRole;
import dev.entrashell.emulator.directory.AppRoleAssignment;
import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.FirstPartyApis;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.KeyCredential;
import dev.entrashell.emulator.directory.PasswordCredential;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.tls.Thumbprints;

import static dev.entrashell.emulator.demo.DemoDirectory.DAY;

/**
 * The demo tenant's applications and their service principals: certificates and secrets expiring
 * soon, expired and far out, the Microsoft Graph roles granted to each, and Exchange Online's role
 * for the backup app, so that credential-expiry and permission reports have something to find.
 */
final class DemoApplications {
    private final TenantObjects objects;
    private final String tenantId;
    private final String domain;
    private final Instant now;

    private DemoApplications(TenantObjects objects, String domain, Instant now) {
        this.objects = objects;
        this.tenantId = objects.tenantId();
        this.domain = domain;
        this.now = now;
    }

    /** @return the service principals of the automation apps (members of "Automation Accounts") */
    static List<ServicePrincipal> seed(TenantObjects objects, String domain, Instant now) {
        return new DemoApplications(objects, domain, now).applications();
    }

    private List<ServicePrincipal> applications() {
        List<ServicePrincipal> automation = new ArrayList<>();
        app(
                DemoSeed.HR_SYNC_APP_ID,
                "Contoso HR Sync",
                List.of(certificate("CN=Contoso HR Sync", -350, 15)),
                List.of(secret("HR sync secret", -100, 630)),
                List.of("User.ReadWrite.All", "Group.Read.All"),
                automation);
        app(
                DemoSeed.PAYROLL_APP_ID,
                "Payroll Connector",
                List.of(certificate("CN=Payroll Connector", -375, -10)),
                List.of(secret("Payroll secret", -410, -45)),
                List.of("User.Read.All"),
                null);
        app(
                DemoSeed.MARKETING_ANALYTICS_APP_ID,
                "Marketing Analytics",
                List.of(),
                List.of(secret("Analytics 2024", -345, 20), secret("Analytics 2025", -10, 720)),
                List.of("Group.Read.All", "Reports.Read.All"),
                null);
        app(
                DemoSeed.LEGACY_INTRANET_APP_ID,
                "Legacy Intranet",
                List.of(certificate("CN=intranet.contoso.com", -1130, -400)),
                List.of(),
                List.of(),
                null);
        ServicePrincipal backup = app(
                DemoSeed.BACKUP_APP_ID,
                "Backup Automation",
                List.of(certificate("CN=Backup Automation", -30, 700)),
                List.of(secret("Backup bootstrap", -360, 5)),
                List.of("Directory.Read.All"),
                automation);
        ServicePrincipal exchange = objects.servicePrincipalByAppId(FirstPartyApis.EXCHANGE_ONLINE_APP_ID)
                .orElseThrow();
        List<AppRoleAssignment> backupRoles = new ArrayList<>(objects.appRoleAssignments(backup.id()));
        backupRoles.add(AppRoleAssignment.of(
                backup, exchange, FirstPartyApis.EXCHANGE_ONLINE_ROLES.get(0), now.minusSeconds(30 * DAY)));
        objects.setAppRoleAssignments(backup.id(), backupRoles);
        app(
                DemoSeed.TEAMS_BOT_APP_ID,
                "Teams Provisioning Bot",
                List.of(),
                List.of(),
                List.of("Group.ReadWrite.All"),
                null);
        app(
                DemoSeed.SECURITY_REPORTING_APP_ID,
                "Security Reporting",
                List.of(
                        certificate("CN=Security Reporting 2024", -395, -30),
                        certificate("CN=Security Reporting 2025", -30, 335)),
                List.of(),
                List.of("AuditLog.Read.All", "Directory.Read.All"),
                automation);
        return automation;
    }

    private ServicePrincipal app(
            String appId,
            String name,
            List<KeyCredential> keys,
            List<PasswordCredential> secrets,
            List<String> graphRoles,
            List<ServicePrincipal> automation) {
        List<KeyCredential> keyCredentials = new ArrayList<>();
        for (KeyCredential key : keys) {
            keyCredentials.add(withKeyId(key, appId));
        }
        List<PasswordCredential> passwordCredentials = new ArrayList<>();
        for (PasswordCredential secret : secrets) {
            passwordCredentials.add(new PasswordCredential(
                    secret.displayName(),
                    secret.endDateTime(),
                    secret.hint(),
                    Guids.fromName(appId + "/passwordCredentials/" + secret.displayName()),
                    secret.startDateTime()));
        }
        Instant created = keys.stream()
                .map(KeyCredential::startDateTime)
                .min(Instant::compareTo)
                .orElse(now.minusSeconds(400 * DAY));
        objects.putApplication(new Application(
                DemoDirectory.applicationObjectId(tenantId, appId),
                appId,
                name,
                null,
                "AzureADMyOrg",
                created,
                domain,
                List.of(),
                List.of(),
                null,
                keyCredentials,
                passwordCredentials));
        ServicePrincipal principal = new ServicePrincipal(
                DemoDirectory.servicePrincipalId(tenantId, appId),
                appId,
                name,
                name,
                tenantId,
                true,
                "Application",
                "AzureADMyOrg",
                List.of(appId),
                List.of("WindowsAzureActiveDirectoryIntegratedApp"),
                List.of(),
                List.of(),
                List.of());
        objects.putServicePrincipal(principal);
        ServicePrincipal graph = objects.servicePrincipalByAppId(FirstPartyApis.MICROSOFT_GRAPH_APP_ID)
                .orElseThrow();
        List<AppRoleAssignment> assignments = new ArrayList<>();
        for (String roleName : graphRoles) {
            AppRole role = FirstPartyApis.graphRole(roleName).orElseThrow();
            assignments.add(AppRoleAssignment.of(principal, graph, role, created));
        }
        objects.setAppRoleAssignments(principal.id(), assignments);
        if (automation != null) {
            automation.add(principal);
        }
        return principal;
    }

    /** A certificate credential valid from startDays to endDays relative to now (negative: in the past). */
    private KeyCredential certificate(String subject, int startDays, int endDays) {
        String thumbprint = HexFormat.of()
                .withUpperCase()
                .formatHex(Thumbprints.digest("SHA-1", (tenantId + "/" + subject).getBytes(StandardCharsets.UTF_8)));
        return new KeyCredential(
                thumbprint,
                subject,
                now.plusSeconds(endDays * DAY),
                null,
                now.plusSeconds(startDays * DAY),
                KeyCredential.TYPE_CERTIFICATE,
                KeyCredential.USAGE_VERIFY);
    }

    private PasswordCredential secret(String displayName, int startDays, int endDays) {
        String hint = displayName.substring(0, 1).toUpperCase(Locale.ROOT)
                + DemoDirectory.slug(displayName).substring(1, 2) + "~";
        return new PasswordCredential(
                displayName, now.plusSeconds(endDays * DAY), hint, null, now.plusSeconds(startDays * DAY));
    }

    private static KeyCredential withKeyId(KeyCredential key, String appId) {
        return new KeyCredential(
                key.customKeyIdentifier(),
                key.displayName(),
                key.endDateTime(),
                Guids.fromName(appId + "/keyCredentials/" + key.customKeyIdentifier()),
                key.startDateTime(),
                key.type(),
                key.usage());
    }
}

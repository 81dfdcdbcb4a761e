package dev.entrashell.emulator.demo;

import java.time.Instant;
import java.util.List;

/**
 * The fixed identity of the demo tenant and its app: the same ids on every machine and every run,
 * so documentation and scripts can name them.
 */
public final class DemoSeed {
    public static final String TENANT_ID = "6f3c2a9e-4b1d-4e8a-9c7f-2d5b8a1e0c34";
    public static final String DOMAIN = "contosodemo.onmicrosoft.com";
    public static final String ORGANIZATION_NAME = "Contoso Demo";
    public static final Instant TENANT_CREATED = Instant.parse("2019-05-14T17:36:07Z");

    public static final String CLIENT_ID = "9b2e7c41-5a3d-4f6e-8b1c-0d7a2e9f4c85";
    public static final String SERVICE_PRINCIPAL_OBJECT_ID = "1d4f8a2c-7e3b-4c9d-a5f6-3b8e0c2d7a91";
    public static final String APP_NAME = "Entra Shell Demo";
    /**
     * What an administrator's automation app typically holds: directory reads, sign-in activity
     * (AuditLog.Read.All, which Graph requires for signInActivity), devices, and group membership
     * writes for the saved scripts that add members. Directory.Read.All because a user's memberOf
     * (which the README's completion example offers) needs a Directory-class role in Microsoft's
     * permission map; Group.Read.All is not one of them.
     */
    public static final List<String> ROLES = List.of(
            "User.Read.All",
            "Organization.Read.All",
            "Group.Read.All",
            "Application.Read.All",
            "AuditLog.Read.All",
            "Device.Read.All",
            "Directory.Read.All",
            "GroupMember.ReadWrite.All");

    /** Seed of the generated users: change it and every user changes. */
    public static final long USER_SEED = 0x5EED_2024_0501L;

    /** Object id of the demo app's application object (its service principal's is above). */
    public static final String APPLICATION_OBJECT_ID = DemoDirectory.applicationObjectId(TENANT_ID, CLIENT_ID);

    // Other applications (client ids). Their credentials are relative to the emulator's start.
    /** Certificate expiring in 15 days; a secret valid for 630 more. */
    public static final String HR_SYNC_APP_ID = "3e8a1f52-6c4b-4d7e-a2f9-0b1c2d3e4f51";
    /** Certificate expired 10 days ago, secret expired 45 days ago. */
    public static final String PAYROLL_APP_ID = "7c2d9e41-8a3f-4b6c-b1e2-3d4f5a6b7c82";
    /** One secret expiring in 20 days, another valid for 720. */
    public static final String MARKETING_ANALYTICS_APP_ID = "a5b6c7d8-1e2f-4a3b-8c4d-5e6f7a8b9c03";
    /** Certificate expired 400 days ago; no roles. */
    public static final String LEGACY_INTRANET_APP_ID = "c1d2e3f4-5a6b-4c7d-9e8f-0a1b2c3d4e64";
    /** Certificate valid for 700 days, a secret expiring in 5; also Exchange's full_access_as_app. */
    public static final String BACKUP_APP_ID = "e9f8a7b6-c5d4-4e3f-8a2b-1c0d9e8f7a25";
    /** No credentials at all. */
    public static final String TEAMS_BOT_APP_ID = "0f1e2d3c-4b5a-4968-b7a6-958473625146";
    /** An expired certificate (30 days ago) and its renewal (valid for 335 days). */
    public static final String SECURITY_REPORTING_APP_ID = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d67";

    // Groups (object ids in the demo tenant).
    public static final String ALL_EMPLOYEES_GROUP_ID = DemoDirectory.groupId(TENANT_ID, "all-employees");
    public static final String IT_ADMINS_GROUP_ID = DemoDirectory.groupId(TENANT_ID, "it-admins");
    public static final String HELPDESK_GROUP_ID = DemoDirectory.groupId(TENANT_ID, "helpdesk");
    public static final String VPN_USERS_GROUP_ID = DemoDirectory.groupId(TENANT_ID, "vpn-users");
    public static final String GUESTS_GROUP_ID = DemoDirectory.groupId(TENANT_ID, "guests-partners");
    public static final String PROJECT_FALCON_GROUP_ID = DemoDirectory.groupId(TENANT_ID, "project-falcon");
    public static final String OWNERLESS_GROUP_ID = DemoDirectory.groupId(TENANT_ID, "ownerless-team");
    public static final String EMPTY_GROUP_ID = DemoDirectory.groupId(TENANT_ID, "former-contractors");

    private DemoSeed() {}
}

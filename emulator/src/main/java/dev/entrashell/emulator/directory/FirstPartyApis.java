package dev.entrashell.emulator.directory;

import java.util.List;
import java.util.Optional;

/**
 * Microsoft's own APIs whose service principals every tenant has, with the app roles
 * (application permissions) they define. The ids are the real ones, so a script that resolves
 * {@code appRoleId} against {@code appRoles} finds the same names as in a real tenant.
 */
public final class FirstPartyApis {
    /** Microsoft's tenant, the owner of first-party applications. */
    public static final String MICROSOFT_TENANT_ID = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    public static final String MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    public static final String MICROSOFT_GRAPH_NAME = "Microsoft Graph";
    public static final String EXCHANGE_ONLINE_APP_ID = "00000002-0000-0ff1-ce00-000000000000";
    public static final String EXCHANGE_ONLINE_NAME = "Office 365 Exchange Online";

    /** Microsoft Graph's application permissions that admins grant most, with their real ids. */
    public static final List<AppRole> MICROSOFT_GRAPH_ROLES = List.of(
            graph("df021288-bdef-4463-88db-98f22de89214", "User.Read.All", "Read all users' full profiles"),
            graph("97235f07-e226-4f63-ace3-39588e11d3a1", "User.ReadBasic.All", "Read all users' basic profiles"),
            graph(
                    "741f803b-c850-494e-b5df-cde7c675a1ca",
                    "User.ReadWrite.All",
                    "Read and write all users' full profiles"),
            graph("5b567255-7703-4780-807c-7be8301ae99b", "Group.Read.All", "Read all groups"),
            graph("62a82d76-70ea-41e2-9197-370581804d09", "Group.ReadWrite.All", "Read and write all groups"),
            graph("98830695-27a2-44f7-8c18-0c3ebc9698f6", "GroupMember.Read.All", "Read all group memberships"),
            graph(
                    "dbaae8cf-10b5-4b86-a4a1-f871c94c6695",
                    "GroupMember.ReadWrite.All",
                    "Read and write all group memberships"),
            graph("7ab1d382-f21e-4acd-a863-ba3e13f7da61", "Directory.Read.All", "Read directory data"),
            graph("19dbc75e-c2e2-444c-a770-ec69d8559fc7", "Directory.ReadWrite.All", "Read and write directory data"),
            graph("9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", "Application.Read.All", "Read all applications"),
            graph(
                    "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
                    "Application.ReadWrite.All",
                    "Read and write all applications"),
            graph(
                    "18a4783c-866b-4cc7-a460-3d5e5662c884",
                    "Application.ReadWrite.OwnedBy",
                    "Manage apps that this app creates or owns"),
            graph(
                    "06b708a9-e830-4db3-a914-8e69da51d44f",
                    "AppRoleAssignment.ReadWrite.All",
                    "Manage app permission grants and app role assignments"),
            graph("498476ce-e0fe-48b0-b801-37ba7e2685c6", "Organization.Read.All", "Read organization information"),
            graph(
                    "292d869f-3427-49a8-9dab-8c70152b74e9",
                    "Organization.ReadWrite.All",
                    "Read and write organization information"),
            graph("7438b122-aefc-4978-80ed-43db9fcc7715", "Device.Read.All", "Read all devices"),
            graph("1138cb37-bd11-4084-a2b7-9f71582aeddb", "Device.ReadWrite.All", "Read and write devices"),
            graph("b0afded3-3588-46d8-8b3d-9842eff778da", "AuditLog.Read.All", "Read all audit log data"),
            graph("230c1aed-a721-4c5d-9cb4-a90514e508ef", "Reports.Read.All", "Read all usage reports"),
            graph("246dd0d5-5bd0-4def-940b-0421030a5b68", "Policy.Read.All", "Read your organization's policies"),
            graph(
                    "483bed4a-2ad3-4361-a73b-c83ccdbdc53c",
                    "RoleManagement.Read.Directory",
                    "Read all directory RBAC settings"),
            graph(
                    "38d9df27-64da-44fd-b7c5-a6fbac20248f",
                    "UserAuthenticationMethod.Read.All",
                    "Read all users' authentication methods"),
            graph("810c84a8-4a9e-49e6-bf7d-12d183f40d01", "Mail.Read", "Read mail in all mailboxes"),
            graph("332a536c-c7ef-4017-ab91-336970924f0d", "Sites.Read.All", "Read items in all site collections"));

    public static final List<AppRole> EXCHANGE_ONLINE_ROLES = List.of(AppRole.application(
            "dc890d15-9560-4a4c-9b7f-a736ec74ec40",
            "full_access_as_app",
            "Use Exchange Web Services with full access to all mailboxes",
            "Allows the app to have full access via Exchange Web Services to all mailboxes without a signed-in user."));

    private FirstPartyApis() {}

    /** Microsoft Graph's app role with this value (e.g. "User.Read.All"), ignoring case. */
    public static Optional<AppRole> graphRole(String value) {
        return MICROSOFT_GRAPH_ROLES.stream()
                .filter(role -> role.value().equalsIgnoreCase(value))
                .findFirst();
    }

    /** The service principals of Microsoft's APIs as every tenant has them, with ids derived from the tenant's. */
    static List<ServicePrincipal> servicePrincipals(String tenantId) {
        return List.of(
                servicePrincipal(
                        tenantId,
                        MICROSOFT_GRAPH_APP_ID,
                        MICROSOFT_GRAPH_NAME,
                        List.of(
                                MICROSOFT_GRAPH_APP_ID,
                                "https://graph.microsoft.com",
                                "https://graph.microsoft.com/",
                                "https://canary.graph.microsoft.com"),
                        MICROSOFT_GRAPH_ROLES),
                servicePrincipal(
                        tenantId,
                        EXCHANGE_ONLINE_APP_ID,
                        EXCHANGE_ONLINE_NAME,
                        List.of(EXCHANGE_ONLINE_APP_ID, "https://outlook.office365.com/", "https://outlook.office.com"),
                        EXCHANGE_ONLINE_ROLES));
    }

    private static ServicePrincipal servicePrincipal(
            String tenantId, String appId, String name, List<String> names, List<AppRole> roles) {
        return new ServicePrincipal(
                Guids.fromName(tenantId + "/servicePrincipals/" + appId),
                appId,
                name,
                name,
                MICROSOFT_TENANT_ID,
                true,
                "Application",
                "AzureADMultipleOrgs",
                names,
                List.of(),
                roles,
                List.of(),
                List.of());
    }

    private static AppRole graph(String id, String value, String displayName) {
        return AppRole.application(
                id,
                value,
                displayName,
                "Allows the app to " + Character.toLowerCase(displayName.charAt(0)) + displayName.substring(1)
                        + " without a signed-in user.");
    }
}

package dev.entrashell.emulator.demo;

import java.util.List;

import dev.entrashell.emulator.directory.ManagedIdentity;

/**
 * The fixed ids of the demo tenant's workload identities: the host's managed identities, the demo
 * app's federated credential and its trusted certificate subject. The same on every machine and
 * every run, so documentation and scripts can name them.
 */
public final class DemoIdentitySeed {
    public static final String SUBSCRIPTION_ID = "3c8f1e72-9a4b-4d6e-b5c1-7f2a9e0d8b63";
    public static final String RESOURCE_GROUP = "entra-shell-demo";

    /** The emulated host, a VM, and its system-assigned identity. */
    public static final String HOST_NAME = "entra-shell-host";

    public static final String HOST_RESOURCE_ID = "/subscriptions/" + SUBSCRIPTION_ID + "/resourceGroups/"
            + RESOURCE_GROUP + "/providers/Microsoft.Compute/virtualMachines/" + HOST_NAME;
    public static final String SYSTEM_ASSIGNED_CLIENT_ID = "5e1d7a3c-2b8f-4c6a-9d0e-8f3b1a7c4e29";
    public static final String SYSTEM_ASSIGNED_PRINCIPAL_ID = "a7c2e9f1-4d3b-4e8a-b6c5-1f9d2e7a3b80";
    public static final List<String> SYSTEM_ASSIGNED_ROLES = List.of("Organization.Read.All", "User.Read.All");

    /** A user-assigned identity with Graph permissions. */
    public static final String AUTOMATION_NAME = "entra-shell-automation";

    public static final String AUTOMATION_RESOURCE_ID =
            ManagedIdentity.userAssignedResourceId(SUBSCRIPTION_ID, RESOURCE_GROUP, AUTOMATION_NAME);
    public static final String AUTOMATION_CLIENT_ID = "c4b8e2d6-1f7a-4a3c-8e9b-5d2f6a1c7e43";
    public static final String AUTOMATION_PRINCIPAL_ID = "2f6a9c1e-8b4d-4f7a-a3e2-9c5b1d8f6e07";
    public static final List<String> AUTOMATION_ROLES = List.of("Group.Read.All", "User.Read.All");

    /** A user-assigned identity granted nothing: its tokens have no roles, and Graph answers 403. */
    public static final String UNPRIVILEGED_NAME = "entra-shell-unprivileged";

    public static final String UNPRIVILEGED_RESOURCE_ID =
            ManagedIdentity.userAssignedResourceId(SUBSCRIPTION_ID, RESOURCE_GROUP, UNPRIVILEGED_NAME);
    public static final String UNPRIVILEGED_CLIENT_ID = "e9a3c7f1-6d2b-4b8e-9f4a-3c1e7d5b2a96";
    public static final String UNPRIVILEGED_PRINCIPAL_ID = "7b1e4f8a-3c9d-4e2f-b7a6-2d8c5f1e9a34";

    /** The emulator's hosted Kubernetes-like issuer, and the demo app's credential trusting it. */
    public static final String FEDERATED_ISSUER_NAME = "kubernetes";

    public static final String FEDERATED_CREDENTIAL_NAME = "automation-service-account";
    public static final String FEDERATED_SUBJECT = "system:serviceaccount:automation:entra-shell";

    /** The demo app's trusted certificate subject, and the id under which the tenant trusts the CA. */
    public static final String TRUSTED_SUBJECT = "CN=entra-shell-sni.contosodemo.onmicrosoft.com";

    public static final String TRUSTED_AUTHORITY_ID = "0c9e3f5a-7b2d-4e1c-a8f6-4d9b2e7c1a53";

    private DemoIdentitySeed() {}
}

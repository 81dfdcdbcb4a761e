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
    public static final List<String> ROLES =
            List.of("User.Read.All", "Organization.Read.All", "Group.Read.All", "Application.Read.All");

    /** Seed of the generated users: change it and every user changes. */
    public static final long USER_SEED = 0x5EED_2024_0501L;

    private DemoSeed() {}
}

package dk.beskplan.platform.security;

/** The roles of DOMAIN.md ("Who uses it"); use these names in {@code @Secured}. */
public final class Roles {
    public static final String OFFICIAL = "OFFICIAL";
    public static final String SECRETARY = "SECRETARY";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";
    public static final String READER = "READER";

    private Roles() {
    }
}

package dk.beskplan.platform.security;

/**
 * The roles of docs/domain.md ("Who uses it"); use these names in {@code @Secured}. A user may hold several (an
 * official who also owns goals as a manager). {@link #ADMIN} is the system administrator of the whole
 * installation (no municipality); {@link #LOCAL_ADMIN} administers one municipality.
 */
public final class Roles {
    public static final String OFFICIAL = "OFFICIAL";
    public static final String SECRETARY = "SECRETARY";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";
    public static final String READER = "READER";
    /** The municipality's own administrator ("lokal administrator"): manages that municipality's users. */
    public static final String LOCAL_ADMIN = "LOCAL_ADMIN";

    /** The roles as the pages, mails and the archive name them in Danish. */
    public static final java.util.Map<String, String> DANISH = java.util.Map.of(OFFICIAL, "embedsmand", SECRETARY, "udvalgssekretær",
            MANAGER, "leder", READER, "læser", LOCAL_ADMIN, "lokal administrator", ADMIN, "systemadministrator");

    /** Every role, in the order the administration pages offer them. */
    public static final java.util.List<String> ALL = java.util.List.of(OFFICIAL, SECRETARY, MANAGER, READER, LOCAL_ADMIN, ADMIN);

    /** Roles in Danish, in the usual order, comma-separated ("embedsmand, leder"); unknown ones as they are. */
    public static String danish(java.util.Collection<String> roles) {
        java.util.List<String> names = new java.util.ArrayList<>();
        ALL.stream().filter(roles::contains).forEach(r -> names.add(DANISH.get(r)));
        roles.stream().filter(r -> !ALL.contains(r)).sorted().forEach(names::add);
        return String.join(", ", names);
    }

    private Roles() {
    }
}

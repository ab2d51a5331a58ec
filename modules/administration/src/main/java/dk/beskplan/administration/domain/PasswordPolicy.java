package dk.beskplan.administration.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be (ASVS level 2): at least 12 characters (at most 200), not the user's own name or e-mail
 * address, and not one of the most common passwords, also not with digits or signs merely added before or after it
 * ("Sommer2026!"). The refusal is a Danish sentence for the field.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private final Set<String> common;

    /** @param commonPasswords the shipped list of common passwords (any case) */
    public PasswordPolicy(Set<String> commonPasswords) {
        this.common = commonPasswords.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Why the password is refused for this user, or empty when it is acceptable. */
    public Optional<String> refusal(String password, String username, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Adgangskoden skal være på mindst " + MIN_LENGTH + " tegn");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Adgangskoden må højst være på " + MAX_LENGTH + " tegn");
        }
        String lower = password.toLowerCase(Locale.ROOT).strip();
        if (isOneOf(lower, username) || isOneOf(lower, email) || isOneOf(lower, localPart(email))) {
            return Optional.of("Adgangskoden må ikke være dit brugernavn eller din e-mailadresse");
        }
        if (common.contains(lower) || common.contains(core(lower))) {
            return Optional.of("Adgangskoden er blandt de mest brugte og let at gætte; vælg en anden, fx en sætning på flere ord");
        }
        return Optional.empty();
    }

    /** The password without digits and signs at its start and end: "sommer" for "123sommer2026!". */
    static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    private static boolean isOneOf(String lowerPassword, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT).strip();
        return lowerPassword.equals(v) || core(lowerPassword).equals(v);
    }

    private static String localPart(String email) {
        return email == null || email.indexOf('@') < 0 ? null : email.substring(0, email.indexOf('@'));
    }
}

package dk.beskplan.administration.application;

import dk.beskplan.administration.domain.PasswordPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The password policy with the list of common passwords shipped in the jar. */
@Factory
public class Policies {
    static final String COMMON_PASSWORDS = "/administration/common-passwords.txt";

    @Singleton
    PasswordPolicy passwordPolicy() {
        return shipped();
    }

    /** Also used by the command line, which runs before any bean exists. */
    public static PasswordPolicy shipped() {
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Policies.class.getResourceAsStream(COMMON_PASSWORDS), COMMON_PASSWORDS), StandardCharsets.UTF_8))) {
            Set<String> common = reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toSet());
            return new PasswordPolicy(common);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

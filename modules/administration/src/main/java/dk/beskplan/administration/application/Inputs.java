package dk.beskplan.administration.application;

import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import dk.beskplan.platform.web.TextRules;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading administrative input: names, e-mail addresses, user names; each refusal names its field in Danish. */
final class Inputs {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

    private Inputs() {
    }

    static String name(@Nullable String value, String field, List<ProblemException.FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.add(new ProblemException.FieldError(field, "Navnet skal udfyldes"));
        } else if (v.length() > 200) {
            errors.add(new ProblemException.FieldError(field, "Navnet må højst være på 200 tegn"));
        } else {
            TextRules.singleLine(v, field, errors);
        }
        return v;
    }

    static @Nullable String email(@Nullable String value, String field, boolean required, List<ProblemException.FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                errors.add(new ProblemException.FieldError(field, "E-mailadressen skal udfyldes"));
            }
            return null;
        }
        if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
            errors.add(new ProblemException.FieldError(field, "»" + v + "« er ikke en gyldig e-mailadresse (fx navn@kommune.dk)"));
        }
        return v;
    }

    /** A user name: given, or else the e-mail address; lower case letters, digits and . _ @ - only. */
    static String username(@Nullable String value, @Nullable String email, String field, List<ProblemException.FieldError> errors) {
        boolean empty = value == null || value.isBlank();
        String v = empty ? (email == null ? "" : email.strip()) : value.strip();
        v = v.toLowerCase(Locale.ROOT);
        if (empty && v.isEmpty()) {
            errors.add(new ProblemException.FieldError(field,
                    "Brugernavnet skal udfyldes (eller udfyld e-mailadressen, så bliver den brugernavnet)"));
        } else if (empty && !USERNAME.matcher(v).matches()) {
            errors.add(new ProblemException.FieldError(field,
                    "Brugernavnet skal udfyldes: e-mailadressen kan ikke bruges som brugernavn (2-100 tegn: små bogstaver a-z, tal og . _ @ -)"));
        } else if (!USERNAME.matcher(v).matches()) {
            errors.add(new ProblemException.FieldError(field,
                    "Brugernavnet skal være 2-100 tegn: små bogstaver a-z, tal og . _ @ - (eller lad feltet stå tomt og brug e-mailadressen)"));
        }
        return v;
    }

    static void refuseIfAny(List<ProblemException.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** The version an update is based on (optimistic locking), refused naming the field when missing. */
    static int version(@Nullable Integer version) {
        if (version == null) {
            throw InvalidInput.field("version", "Versionen mangler; hent siden eller ressourcen igen");
        }
        return version;
    }
}

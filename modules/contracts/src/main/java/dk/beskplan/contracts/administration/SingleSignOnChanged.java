package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A municipality's single sign-on (OpenID Connect) settings changed: the settings as they are now and each changed
 * field before and after. The client secret is never carried: {@code clientSecretChanged} says only that a new one
 * was stored. {@code roleMappings} reads "group → ROLE".
 */
@Serdeable
@MessageContract(type = "administration.single-sign-on-changed", version = 1)
public record SingleSignOnChanged(String municipality, boolean enabled, String issuer, String clientId, String groupsClaim,
                                  List<String> roleMappings, boolean passwordLogin, boolean clientSecretChanged,
                                  List<FieldChange> changes) {
}

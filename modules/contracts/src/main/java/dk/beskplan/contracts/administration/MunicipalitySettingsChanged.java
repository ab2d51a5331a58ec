package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A municipality's settings changed (display name, contact e-mail, logo, ...): each changed field with its value
 * before and after. A logo is named by its SHA-256, never carried itself; secrets are never carried.
 */
@Serdeable
@MessageContract(type = "administration.municipality-settings-changed", version = 1)
public record MunicipalitySettingsChanged(String municipality, List<FieldChange> changes) {
}

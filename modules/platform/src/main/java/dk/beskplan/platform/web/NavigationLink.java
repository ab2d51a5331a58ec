package dk.beskplan.platform.web;

import java.util.Set;

/**
 * An entry in the pages' main menu, contributed by a module as a bean; shown to users with one of the roles.
 *
 * @param labelKey message-bundle key of the link text
 */
public record NavigationLink(int order, String labelKey, String href, Set<String> roles) {
}

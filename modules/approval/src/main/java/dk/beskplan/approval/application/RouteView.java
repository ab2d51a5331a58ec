package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.ApprovalRoute;

/** The municipality's approval route with the version it was read at ({@code configured} false: the default, never saved). */
public record RouteView(ApprovalRoute route, long version, boolean configured) {
}

package dk.beskplan.plandocument;

import java.util.LinkedHashMap;
import java.util.Map;

/** The catalogue of national goals (ministermål) per year; 2022–2024 used the same five. */
public final class NationalGoals {
    public static final Map<String, String> CATALOGUE;

    static {
        Map<String, String> goals = new LinkedHashMap<>();
        goals.put("2022-1", "Flere ledige skal opkvalificeres");
        goals.put("2022-2", "Flere flygtninge og familiesammenførte skal være selvforsørgende");
        goals.put("2022-3", "Flere personer med handicap skal i beskæftigelse");
        goals.put("2022-4", "Alle ledige skal have en værdig sagsbehandling");
        goals.put("2022-5", "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft");
        CATALOGUE = java.util.Collections.unmodifiableMap(goals);
    }

    private NationalGoals() {
    }
}

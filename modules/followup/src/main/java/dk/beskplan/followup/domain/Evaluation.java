package dk.beskplan.followup.domain;

/**
 * What the system concludes from a reported value, shown as a traffic light. Never colour alone: every light
 * also carries its Danish word.
 */
public enum Evaluation {
    MET("Nået", "green"),
    ON_TRACK("På vej", "yellow"),
    NOT_MET("Ikke nået", "red"),
    NO_DATA("Ingen data", "grey"),
    /** A criterion without a number: its status is the manager's words only. */
    NARRATIVE("Beskrivende status", "blue");

    private final String danish;
    private final String light;

    Evaluation(String danish, String light) {
        this.danish = danish;
        this.light = light;
    }

    public String danish() {
        return danish;
    }

    /** The traffic light's colour name (CSS class and chart colour). */
    public String light() {
        return light;
    }
}

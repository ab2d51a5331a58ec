package dk.beskplan.platform.documents;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soft hyphens at Danish syllable boundaries in long words of running text, and nowhere else (docs/adr/0025). The
 * text is read whole: jsoup's {@code text()} drops soft hyphens.
 */
class DanishHyphenationTest {
    private static String shown(String text) {
        return text.replace(DanishHyphenation.SOFT_HYPHEN, '|');
    }

    @Test
    void longDanishWordsGetSoftHyphensAtTheirSyllables() {
        assertThat(shown(DanishHyphenation.word("Beskæftigelsesministeriets"))).isEqualTo("Be|skæf|ti|gel|ses|mi|ni|ste|ri|ets");
        assertThat(shown(DanishHyphenation.word("arbejdsmarkedsparate"))).isEqualTo("ar|bejds|mar|keds|pa|ra|te");
        assertThat(shown(DanishHyphenation.word("BESKÆFTIGELSESPLAN"))).as("capitals break as lower case")
                .isEqualTo("BE|SKÆF|TI|GEL|SES|PLAN");
    }

    /**
     * The patterns break many compounds a letter off their seam; words of employment plans break at the seam, and no
     * letter stands alone between two breaks.
     */
    @Test
    void compoundsBreakAtTheirSeams() {
        assertThat(shown(DanishHyphenation.word("overgangsydelse"))).isEqualTo("over|gangs|ydel|se");
        assertThat(shown(DanishHyphenation.word("løntilskudsjob"))).isEqualTo("løn|tilskuds|job");
        assertThat(shown(DanishHyphenation.word("seniorpension"))).isEqualTo("se|nior|pen|sion");
        assertThat(shown(DanishHyphenation.word("jobafklaringsforløb"))).isEqualTo("job|af|kla|rings|for|løb");
        assertThat(shown(DanishHyphenation.word("rekruttering"))).isEqualTo("rekrut|te|ring");
        assertThat(shown(DanishHyphenation.word("medarbejdere"))).isEqualTo("med|ar|bej|de|re");
        assertThat(shown(DanishHyphenation.word("erhvervsuddannelse"))).isEqualTo("er|hvervs|ud|dan|nel|se");
        assertThat(shown(DanishHyphenation.word("opholdstilladelse"))).isEqualTo("op|holds|til|la|del|se");
        assertThat(shown(DanishHyphenation.word("Fleksjobordningen"))).isEqualTo("Fleks|job|ord|nin|gen");
        assertThat(shown(DanishHyphenation.word("voksenefteruddannelse"))).isEqualTo("vok|sen|ef|ter|ud|dan|nel|se");
        assertThat(shown(DanishHyphenation.word("danskuddannelse"))).isEqualTo("dansk|ud|dan|nel|se");
    }

    @Test
    void shortWordsNumbersAndAddressesStayWhole() {
        assertThat(DanishHyphenation.text("Flere borgere i job i 2026")).isEqualTo("Flere borgere i job i 2026");
        assertThat(DanishHyphenation.text("1234567890123 og 12,5 procent")).isEqualTo("1234567890123 og 12,5 procent");
        assertThat(DanishHyphenation.text("se https://www.beskaeftigelsesministeriet.dk/arbejdsmarkedet"))
                .isEqualTo("se https://www.beskaeftigelsesministeriet.dk/arbejdsmarkedet");
        assertThat(DanishHyphenation.text("skriv til jobcenterkontakten@holbaek.dk")).isEqualTo("skriv til jobcenterkontakten@holbaek.dk");
        assertThat(DanishHyphenation.text("beskaeftigelsesplan.pdf")).isEqualTo("beskaeftigelsesplan.pdf");
        assertThat(DanishHyphenation.text("indsats2026arbejdsmarked")).isEqualTo("indsats2026arbejdsmarked");
    }

    @Test
    void punctuationAroundAWordAndTheSpacesBetweenWordsAreKept() {
        assertThat(shown(DanishHyphenation.text("  (Beskæftigelsesministeriets),\tog  jobcentret. ")))
                .isEqualTo("  (Be|skæf|ti|gel|ses|mi|ni|ste|ri|ets),\tog  job|cen|tret. ");
    }

    @Test
    void onlyTheTextOfProseIsHyphenated() {
        Document html = Jsoup.parse("<html><head><title>Beskæftigelsesplan</title></head><body>"
                + "<h1 title=\"Beskæftigelsesplan\">Beskæftigelsesplan</h1><p><a href=\"https://x.dk\">Beskæftigelsesministeriet</a></p>"
                + "<pre>Beskæftigelsesplan</pre><code>beskæftigelsesplan</code><svg><text>Beskæftigelsesplan</text></svg></body></html>");
        DanishHyphenation.hyphenate(html.body());
        assertThat(shown(html.head().selectFirst("title").wholeText())).isEqualTo("Beskæftigelsesplan");
        assertThat(shown(html.selectFirst("h1").wholeText())).isEqualTo("Be|skæf|ti|gel|ses|plan");
        assertThat(html.selectFirst("h1").attr("title")).isEqualTo("Beskæftigelsesplan");
        assertThat(shown(html.selectFirst("a").wholeText())).isEqualTo("Be|skæf|ti|gel|ses|mi|ni|ste|ri|et");
        assertThat(html.selectFirst("pre").wholeText()).isEqualTo("Beskæftigelsesplan");
        assertThat(html.selectFirst("code").wholeText()).isEqualTo("beskæftigelsesplan");
        assertThat(html.selectFirst("svg").wholeText()).isEqualTo("Beskæftigelsesplan");
    }
}

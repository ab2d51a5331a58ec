package dk.beskplan.archive.application;

import dk.beskplan.platform.documents.DocumentRenderer;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * An archived document to read: protocols and status reports are archived as the HTML their module rendered and
 * are shown as they are; plan documents are archived as JSON and rendered here, plainly and faithfully (every
 * text in the plan's order). PDFs come from that HTML.
 */
@Singleton
public class DocumentRendering {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", Archive.DANISH)
            .withZone(Archive.DANISH_TIME);
    private final DocumentRenderer renderer;
    private final JsonMapper json;

    DocumentRendering(DocumentRenderer renderer, JsonMapper json) {
        this.renderer = renderer;
        this.json = json;
    }

    public String html(Archive.ArchivedDocument doc) {
        if (FrozenDocuments.HTML.equals(doc.mediaType())) {
            return doc.content();
        }
        try {
            Map<?, ?> document = json.readValue(doc.content(), Map.class);
            return renderer.html("archive/plan-document", Map.of("doc", document, "archivedNote",
                    doc.kindName() + " arkiveret " + WHEN.format(doc.occurredAt()) + " · SHA-256 " + doc.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(Archive.ArchivedDocument doc) {
        return renderer.pdf(html(doc));
    }
}

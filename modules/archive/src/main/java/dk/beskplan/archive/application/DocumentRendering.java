package dk.beskplan.archive.application;

import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.text.DanishFormats;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An archived document to read: protocols and status reports are archived as the HTML their module rendered and
 * are shown as they are; plan documents are archived as JSON and rendered here, plainly and faithfully (every
 * text in the plan's order). Their PDF is the one drafting froze of the revision, as archived
 * (docs/adr/0023-the-archive-holds-the-approved-bytes.md); other PDFs, and those of plan documents archived before,
 * come from the HTML.
 */
@Singleton
public class DocumentRendering {
    private final DocumentRenderer renderer;
    private final JsonMapper json;

    DocumentRendering(DocumentRenderer renderer, JsonMapper json) {
        this.renderer = renderer;
        this.json = json;
    }

    /** The document as HTML; a PDF archived as bytes has none (it is shown as the PDF it is). */
    public String html(Archive.ArchivedDocument doc) {
        if (doc.isPdf()) {
            throw new IllegalArgumentException("document " + doc.id() + " is a PDF");
        }
        if (FrozenDocuments.HTML.equals(doc.mediaType())) {
            return doc.content();
        }
        try {
            Map<?, ?> document = json.readValue(doc.content(), Map.class);
            return renderer.html("archive/plan-document", Map.of("doc", document, "archivedNote",
                    doc.kindName() + " arkiveret " + DanishFormats.dateTime(doc.occurredAt()) + " · SHA-256 " + doc.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document as PDF: as archived where the archive holds one (a frozen PDF, or the one drafting froze of a plan
     * document, so the plan's PDF and the archived one are the same file); otherwise rendered from the HTML.
     */
    public byte[] pdf(Archive.ArchivedDocument doc) {
        if (doc.pdf() != null) {
            return doc.pdf();
        }
        return renderer.pdf(html(doc));
    }
}

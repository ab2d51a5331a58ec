package dk.beskplan.archive.application;

import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Danish full-text search over the archive's frozen documents, with the matching passages marked. Apart from
 * {@link Archive} because it is a query language of its own (PostgreSQL's text search and its headline
 * markers, in {@link DocumentRepository#search}),
 * sharing only the rules of who sees what.
 */
@Singleton
public class ArchiveSearch {
    private final DocumentRepository documents;

    ArchiveSearch(DocumentRepository documents) {
        this.documents = documents;
    }

    /** Danish full-text search over the frozen documents of the user's municipality (all of them for an administrator). */
    @Transactional
    public List<Archive.Hit> search(String query, @Nullable Integer year, CurrentUser user) {
        if (query == null || query.isBlank()) {
            throw InvalidInput.field("q", "skriv et eller flere ord at søge efter");
        }
        if (query.length() > 200) {
            throw InvalidInput.field("q", "højst 200 tegn");
        }
        if (user.municipality() == null && !user.hasRole(Roles.ADMIN)) {
            return List.of();
        }
        // Readers see published documents only (a status report once the committee noted it).
        return documents.search(query.strip(), user.municipality(), user.hasRole(Roles.READER), year).stream()
                .map(found -> new Archive.Hit(found.documentId(), found.kind(), ArchiveWording.kindName(found.kind()), found.title(),
                        found.planId(), found.municipality(), found.occurredAt(), snippet(found.passages())))
                .toList();
    }

    /** The passages in pieces: the searched words (between the headline's marks) apart from the text around them. */
    static List<Archive.Snippet> snippet(String marked) {
        List<Archive.Snippet> parts = new ArrayList<>();
        int at = 0;
        while (at < marked.length()) {
            int start = marked.indexOf(DocumentRepository.START, at);
            if (start < 0) {
                parts.add(new Archive.Snippet(marked.substring(at), false));
                break;
            }
            int stop = marked.indexOf(DocumentRepository.STOP, start);
            if (stop < 0) {
                stop = marked.length();
            }
            if (start > at) {
                parts.add(new Archive.Snippet(marked.substring(at, start), false));
            }
            parts.add(new Archive.Snippet(marked.substring(start + 1, stop), true));
            at = stop + 1;
        }
        return parts;
    }
}

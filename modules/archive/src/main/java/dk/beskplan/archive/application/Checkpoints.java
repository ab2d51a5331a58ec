package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.Checkpoint;
import dk.beskplan.archive.domain.RecordLine;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.work.PeriodicWorker;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/**
 * Writes signed checkpoints of the archive's head to the directory the administrator chose: on demand (API, page,
 * command line) and by itself at the configured interval (default daily). The signing key is read from a file the
 * administrator configures and that the database never sees. Without a key and a directory nothing is written (and
 * the start-up log says so), because a checkpoint kept in the database would prove nothing.
 */
@Singleton
public class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final RecordRepository records;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    @Nullable
    private final Path keyFile;
    @Nullable
    private final Path directory;
    private final PeriodicWorker worker;
    private volatile boolean firstPass = true;

    Checkpoints(RecordRepository records, TransactionOperations<Connection> transactions, Clock clock,
                @Value("${beskplan.archive.checkpoint.key-file:}") String keyFile,
                @Value("${beskplan.archive.checkpoint.directory:}") String directory,
                @Value("${beskplan.archive.checkpoint.interval:24h}") Duration interval) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
        this.keyFile = keyFile.isBlank() ? null : Path.of(keyFile);
        this.directory = directory.isBlank() ? null : Path.of(directory);
        this.worker = new PeriodicWorker("archive-checkpoints", interval, this::scheduled);
    }

    /** True when a key and a directory are configured. */
    public boolean configured() {
        return keyFile != null && directory != null;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (configured()) {
            worker.start();
        } else {
            LOG.warn("Archive checkpoints are off: set BESKPLAN_ARCHIVE_CHECKPOINT_KEY_FILE and"
                    + " BESKPLAN_ARCHIVE_CHECKPOINT_DIRECTORY (docs/reliability.md) so that truncation can be detected");
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) throws InterruptedException {
        worker.stop(Duration.ofSeconds(5));
    }

    private void scheduled() {
        // The worker runs a pass at once on start; a restart loop must not fill the directory, so the first pass
        // writes only when the newest checkpoint there is older than a day.
        if (firstPass) {
            firstPass = false;
            if (newestIsRecent()) {
                return;
            }
        }
        write();
    }

    private boolean newestIsRecent() {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("archive-checkpoint-"))
                    .anyMatch(f -> {
                        try {
                            return Files.getLastModifiedTime(f).toInstant().isAfter(clock.instant().minus(Duration.ofDays(1)));
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The newest checkpoint in the directory that this application's key signed (files that are not checkpoints,
     * or signed by another key, are passed over), so that verification in the application checks against it.
     */
    public Optional<Checkpoint> newest() {
        if (!configured() || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        PublicKey publicKey = readKey(keyFile).getPublic();
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("archive-checkpoint-")
                            && f.getFileName().toString().endsWith(".txt"))
                    .map(Checkpoints::read).flatMap(Optional::stream)
                    .filter(c -> c.signedBy(publicKey))
                    .max(Comparator.comparing(Checkpoint::writtenAt).thenComparing(Checkpoint::seq));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the archive checkpoints in " + directory, e);
        }
    }

    private static Optional<Checkpoint> read(Path file) {
        try {
            return Checkpoint.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A checkpoint written now: signed, in a file of the directory. */
    public record Written(Checkpoint checkpoint, String file) {
    }

    /** Signs the archive's current head and writes it to the directory. 409 when checkpoints are not configured. */
    public Written write() {
        if (!configured()) {
            throw new Conflict("Der er ikke sat en nøgle og en mappe op til arkivets kontrolpunkter"
                    + " (BESKPLAN_ARCHIVE_CHECKPOINT_KEY_FILE, BESKPLAN_ARCHIVE_CHECKPOINT_DIRECTORY)");
        }
        KeyPair key = readKey(keyFile);
        Written written = store(transactions.executeRead(status -> records.head().orElse(EMPTY)), key, clock, directory);
        LOG.info("Archive checkpoint: record seq {} hash {} written to {}", written.checkpoint().seq(),
                written.checkpoint().hash(), written.file());
        return written;
    }

    /** The head of an empty archive: a checkpoint of it names no record. */
    static final ChainRepository.Head EMPTY = new ChainRepository.Head(0, RecordLine.GENESIS);

    /** Signs the head and writes the checkpoint to a new file of the directory (written whole, then renamed). */
    static Written store(ChainRepository.Head head, KeyPair key, Clock clock, Path directory) {
        Checkpoint checkpoint = Checkpoint.sign(head.seq(), head.hash(), clock.instant().truncatedTo(ChronoUnit.MICROS), key);
        Path file = directory.resolve("archive-checkpoint-" + FILE_TIME.format(checkpoint.writtenAt()) + "-" + head.seq() + ".txt");
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".archive-checkpoint-", ".tmp");
            Files.writeString(temporary, checkpoint.text(), StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive checkpoint to " + directory, e);
        }
        return new Written(checkpoint, file.toString());
    }

    static KeyPair readKey(Path keyFile) {
        try {
            return Checkpoint.readPrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint key " + keyFile, e);
        }
    }
}

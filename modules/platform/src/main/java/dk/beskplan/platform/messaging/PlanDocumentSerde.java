package dk.beskplan.platform.messaging;

import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serde;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Messages and API answers carry the typed plan document (and a criterion's target or status figures) in the published
 * JSON shape of docs/plan-document.md, written and read by the plan document's own writer and reader: a message holds
 * exactly what export returns, and one that does not read is refused like any poison message.
 */
@Factory
public class PlanDocumentSerde {

    @Singleton
    Serde<PlanDocument> planDocument() {
        return new TreeSerde<>(PlanDocumentWriter::write, PlanDocumentReader::read);
    }

    @Singleton
    Serde<Target> target() {
        return new TreeSerde<>(PlanDocumentWriter::target, PlanDocumentReader::readTarget);
    }

    @Singleton
    Serde<SuccessCriterion.Baseline> baseline() {
        return new TreeSerde<>(PlanDocumentWriter::baseline,
                node -> PlanDocumentReader.readBaselines(JsonNode.createArrayNode(List.of(node))).get(0));
    }

    /** A day or a month as the plan writes it ({@code 2025-12-31}, {@code 2025-12}): a month comes back as a month. */
    @Singleton
    Serde<PlanDate> planDate() {
        return new Serde<>() {
            @Override
            public PlanDate deserialize(Decoder decoder, DecoderContext context, Argument<? super PlanDate> type) throws IOException {
                String written = decoder.decodeString();
                try {
                    return PlanDate.parse(written);
                } catch (DateTimeParseException e) {
                    throw new SerdeException("Not a day or a month: " + written, e);
                }
            }

            @Override
            public void serialize(Encoder encoder, EncoderContext context, Argument<? extends PlanDate> type, PlanDate value)
                    throws IOException {
                encoder.encodeString(value.toString());
            }
        };
    }

    /** A value written as the document's JSON tree (maps, lists, texts, numbers) and read from it. */
    private record TreeSerde<T>(Function<T, Object> writer, Function<JsonNode, T> reader) implements Serde<T> {

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            try {
                return reader.apply(decoder.decodeNode());
            } catch (PlanDocumentReader.Invalid e) {
                throw new SerdeException("Not readable as " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void serialize(Encoder encoder, EncoderContext context, Argument<? extends T> type, T value) throws IOException {
            write(encoder, writer.apply(value));
        }
    }

    private static void write(Encoder encoder, Object value) throws IOException {
        if (value == null) {
            encoder.encodeNull();
        } else if (value instanceof String text) {
            encoder.encodeString(text);
        } else if (value instanceof Boolean bool) {
            encoder.encodeBoolean(bool);
        } else if (value instanceof Integer number) {
            encoder.encodeInt(number);
        } else if (value instanceof Long number) {
            encoder.encodeLong(number);
        } else if (value instanceof Double number) {
            encoder.encodeDouble(number);
        } else if (value instanceof Map<?, ?> map) {
            try (Encoder object = encoder.encodeObject(Argument.OBJECT_ARGUMENT)) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    object.encodeKey(entry.getKey().toString());
                    write(object, entry.getValue());
                }
            }
        } else if (value instanceof List<?> list) {
            try (Encoder array = encoder.encodeArray(Argument.OBJECT_ARGUMENT)) {
                for (Object item : list) {
                    write(array, item);
                }
            }
        } else {
            throw new SerdeException("Not a plan document value: " + value.getClass().getName());
        }
    }
}

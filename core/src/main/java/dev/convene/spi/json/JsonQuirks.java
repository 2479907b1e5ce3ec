package dev.convene.spi.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Set;

/**
 * Moshi adapters for the vendors' wire quirks, applied only where a DTO field carries the matching
 * qualifier ({@link NumericString}, {@link EpochSeconds}, {@link EpochSecondsString},
 * {@link ZeroOneBoolean}), plus a fallback for enums that have a constant named {@code UNKNOWN}: a value the
 * enum does not know decodes to it instead of failing (moshi-adapters' {@link EnumJsonAdapter}), so a vendor
 * adding a status does not break us.
 */
public final class JsonQuirks {
    public static final JsonAdapter.Factory FACTORY = JsonQuirks::create;

    private JsonQuirks() {
    }

    /** A Moshi with the quirk adapters registered. */
    public static Moshi.Builder moshi() {
        return new Moshi.Builder().add(FACTORY);
    }

    private static JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        Class<?> raw = Types.getRawType(type);
        if (Types.nextAnnotations(annotations, NumericString.class) != null && (raw == long.class || raw == Long.class)) {
            return new NumericStringAdapter().nullSafe();
        }
        if (Types.nextAnnotations(annotations, EpochSeconds.class) != null && raw == Instant.class) {
            return new EpochAdapter(false).nullSafe();
        }
        if (Types.nextAnnotations(annotations, EpochSecondsString.class) != null && raw == Instant.class) {
            return new EpochAdapter(true).nullSafe();
        }
        if (Types.nextAnnotations(annotations, ZeroOneBoolean.class) != null && (raw == boolean.class || raw == Boolean.class)) {
            return new ZeroOneAdapter().nullSafe();
        }
        if (annotations.isEmpty() && raw.isEnum()) {
            return unknownFallback(raw);
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonAdapter<?> unknownFallback(Class<?> raw) {
        for (Object constant : raw.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals("UNKNOWN")) {
                return EnumJsonAdapter.create((Class) raw).withUnknownFallback((Enum) constant).nullSafe();
            }
        }
        return null;
    }

    private static long parseLong(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        if (token == JsonReader.Token.STRING) {
            String s = reader.nextString();
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new JsonDataException("expected a number in a string but was '" + s + "' at " + reader.getPath());
            }
        }
        return reader.nextLong();
    }

    private static final class NumericStringAdapter extends JsonAdapter<Long> {
        @Override
        public Long fromJson(JsonReader reader) throws IOException {
            return parseLong(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Long value) throws IOException {
            writer.value(Long.toString(value));
        }
    }

    private static final class EpochAdapter extends JsonAdapter<Instant> {
        private final boolean asString;

        EpochAdapter(boolean asString) {
            this.asString = asString;
        }

        @Override
        public Instant fromJson(JsonReader reader) throws IOException {
            return Instant.ofEpochSecond(parseLong(reader));
        }

        @Override
        public void toJson(JsonWriter writer, Instant value) throws IOException {
            if (asString) {
                writer.value(Long.toString(value.getEpochSecond()));
            } else {
                writer.value(value.getEpochSecond());
            }
        }
    }

    private static final class ZeroOneAdapter extends JsonAdapter<Boolean> {
        @Override
        public Boolean fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.BOOLEAN) {
                return reader.nextBoolean();
            }
            int n = reader.nextInt();
            if (n != 0 && n != 1) {
                throw new JsonDataException("expected 0 or 1 but was " + n + " at " + reader.getPath());
            }
            return n == 1;
        }

        @Override
        public void toJson(JsonWriter writer, Boolean value) throws IOException {
            writer.value(value ? 1 : 0);
        }
    }
}

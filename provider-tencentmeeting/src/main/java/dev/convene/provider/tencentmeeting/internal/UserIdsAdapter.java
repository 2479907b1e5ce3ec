package dev.convene.provider.tencentmeeting.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link UserIds} lists from strings or {@code {"userid":..}} objects; writes objects, as requests take them. */
final class UserIdsAdapter extends JsonAdapter<List<String>> {
    static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) ->
            Types.nextAnnotations(annotations, UserIds.class) == null ? null : new UserIdsAdapter().nullSafe();

    @Override
    public List<String> fromJson(JsonReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            out.add(reader.peek() == JsonReader.Token.BEGIN_OBJECT ? userid(reader) : reader.nextString());
        }
        reader.endArray();
        return out;
    }

    private static String userid(JsonReader reader) throws IOException {
        String userid = null;
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.nextName().equals("userid")) {
                userid = reader.nextString();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        if (userid == null) {
            throw new JsonDataException("user object without userid at " + reader.getPath());
        }
        return userid;
    }

    @Override
    public void toJson(JsonWriter writer, List<String> value) throws IOException {
        writer.beginArray();
        for (String userid : value) {
            writer.beginObject().name("userid").value(userid).endObject();
        }
        writer.endArray();
    }
}

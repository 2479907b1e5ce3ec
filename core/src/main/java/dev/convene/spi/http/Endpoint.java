package dev.convene.spi.http;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.convene.spi.Exchange;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/**
 * One method of an endpoint interface, read once from its annotations: how to turn the arguments of a call
 * into an OkHttp {@link Request} and what the answer decodes to. A path without parameters is resolved once,
 * so the common call builds no URL at all.
 */
final class Endpoint {
    /** What Retrofit's Moshi converter sent; kept so the bytes on the wire did not change. */
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private enum Role { PATH, QUERY, HEADER, BODY, FIELD, URL }

    /** One parameter: where its value goes, under which name, and whether it is already percent-encoded. */
    private record Binding(Role role, String name, boolean encoded, Supplier<JsonAdapter<Object>> body) {
    }

    /** One piece of the relative path: a literal, already-encoded segment, or the name of a path parameter. */
    private record Segment(String literal, String parameter) {
    }

    final String name;
    private final String httpMethod;
    private final boolean form;
    private final HttpUrl base;
    /** The resolved URL when it does not depend on the arguments (no {@code @Path}, no {@code @Url}). */
    private final HttpUrl fixedUrl;
    private final List<Segment> segments;
    /** For each parameter segment of the path, in order, the index of the argument that fills it. */
    private final int[] pathArgs;
    private volatile PathUrl lastPath;
    /** A query written into the annotation's path ({@code "x?flag=true"}); the {@code @Query} parameters follow it. */
    private final String literalQuery;
    private final Binding[] bindings;
    /** The argument that is the whole URL ({@code @Url}), or -1. */
    private final int urlArg;
    /**
     * {@code null} for {@code Exchange<Void>}, whose answer must only be empty or JSON. Adapters are made on first
     * use: building one for every record of every endpoint up front would lengthen a cold start for calls most
     * applications never make.
     */
    final Supplier<JsonAdapter<Object>> result;

    private Endpoint(Method method, HttpUrl base, Moshi moshi) {
        this.name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        this.base = base;
        String[] verb = verb(method);
        this.httpMethod = verb[0];
        this.form = method.isAnnotationPresent(FormUrlEncoded.class);
        this.result = result(method, moshi);
        this.bindings = bindings(method, moshi);
        this.urlArg = indexOf(Role.URL);
        boolean hasUrl = urlArg >= 0;
        String relative = verb[1];
        int q = relative.indexOf('?');
        String path = q < 0 ? relative : relative.substring(0, q);
        this.literalQuery = q < 0 ? null : relative.substring(q + 1);
        if (hasUrl != relative.isEmpty()) {
            throw invalid(hasUrl ? "takes a @Url, so its " + httpMethod + " annotation must have no path" : "needs a path or a @Url parameter");
        }
        if (path.startsWith("/") || relative.contains("#") || path.contains("://") || (literalQuery != null && literalQuery.contains("{"))) {
            throw invalid("path \"" + relative + "\" must be relative to the base URL, with parameters only in the path's segments");
        }
        this.segments = path.isEmpty() ? List.of() : segments(path);
        checkPathParameters();
        this.pathArgs = segments.stream().filter(s -> s.parameter() != null).mapToInt(s -> argumentOf(s.parameter())).toArray();
        if (form != has(Role.FIELD)) {
            throw invalid(form ? "is @FormUrlEncoded but has no @Field" : "has @Field parameters but is not @FormUrlEncoded");
        }
        if ((has(Role.BODY) || form) && !permitsBody()) {
            throw invalid("is a " + httpMethod + ", which has no body");
        }
        if (has(Role.BODY) && form) {
            throw invalid("cannot have both a @Body and @Field parameters");
        }
        boolean fixed = !hasUrl && segments.stream().allMatch(s -> s.parameter() == null);
        this.fixedUrl = fixed ? base.newBuilder().addEncodedPathSegments(path).encodedQuery(literalQuery).build() : null;
    }

    static Endpoint of(Method method, HttpUrl base, Moshi moshi) {
        return new Endpoint(method, base, moshi);
    }

    /** The request for one call; {@code args} as the interface method received them. */
    Request request(Object[] args) throws IOException {
        if (result != null) {
            // An answer type Moshi cannot read must fail here, before a create is sent, not once it has been.
            result.get();
        }
        HttpUrl url = fixedUrl;
        HttpUrl.Builder urlBuilder = null;
        if (url == null && urlArg < 0) {
            url = templated(args);
        } else if (url == null) {
            urlBuilder = resolve(args);
            appendPath(urlBuilder, args);
        }
        Request.Builder request = new Request.Builder();
        RequestBody body = null;
        FormBody.Builder formBody = form ? new FormBody.Builder() : null;
        for (int i = 0; i < bindings.length; i++) {
            Binding b = bindings[i];
            Object value = args[i];
            if (b.role() == Role.BODY) {
                if (value == null) {
                    throw new IllegalArgumentException("the @Body of " + name + " must not be null");
                }
                body = json(b.body().get(), value);
            } else if (value != null && b.role() != Role.PATH && b.role() != Role.URL) {
                // Absent queries, headers and fields are left out, as Retrofit does.
                String text = String.valueOf(value);
                switch (b.role()) {
                    case QUERY -> {
                        if (urlBuilder == null) {
                            urlBuilder = url.newBuilder();
                        }
                        if (b.encoded()) {
                            urlBuilder.addEncodedQueryParameter(b.name(), text);
                        } else {
                            urlBuilder.addQueryParameter(b.name(), text);
                        }
                    }
                    case HEADER -> request.addHeader(b.name(), text);
                    case FIELD -> {
                        if (b.encoded()) {
                            formBody.addEncoded(b.name(), text);
                        } else {
                            formBody.add(b.name(), text);
                        }
                    }
                    default -> throw new AssertionError(b.role());
                }
            }
        }
        if (formBody != null) {
            body = formBody.build();
        }
        if (body == null && permitsBody()) {
            body = EMPTY;
        }
        return request.url(urlBuilder == null ? url : urlBuilder.build()).method(httpMethod, body).build();
    }

    private HttpUrl.Builder resolve(Object[] args) {
        Object url = args[urlArg];
        HttpUrl.Builder resolved = url == null ? null : base.newBuilder(String.valueOf(url));
        if (resolved == null) {
            throw new IllegalArgumentException("the @Url of " + name + " is not a URL: " + url);
        }
        return resolved;
    }

    /**
     * The URL of a path with parameters. The last one built is kept: a provider sends the same parameters
     * again and again (Zoom's {@code users/me/meetings} on every create), and building a URL is a good part
     * of a call's own work. A get by id misses, at the cost of comparing a string or two.
     */
    private HttpUrl templated(Object[] args) {
        PathUrl last = lastPath;
        if (last != null && last.matches(args, pathArgs)) {
            return last.url();
        }
        HttpUrl.Builder builder = base.newBuilder();
        appendPath(builder, args);
        HttpUrl url = builder.build();
        String[] values = new String[pathArgs.length];
        for (int k = 0; k < pathArgs.length; k++) {
            values[k] = String.valueOf(args[pathArgs[k]]);
        }
        lastPath = new PathUrl(values, url);
        return url;
    }

    /** A URL and the path parameters it was built from. */
    private record PathUrl(String[] values, HttpUrl url) {
        boolean matches(Object[] args, int[] pathArgs) {
            for (int k = 0; k < pathArgs.length; k++) {
                Object arg = args[pathArgs[k]];
                if (arg == null || !values[k].equals(String.valueOf(arg))) {
                    return false;
                }
            }
            return true;
        }
    }

    private void appendPath(HttpUrl.Builder url, Object[] args) {
        int k = 0;
        for (Segment s : segments) {
            if (s.parameter() == null) {
                url.addEncodedPathSegment(s.literal());
            } else {
                pathSegment(url, s.parameter(), pathArgs[k++], args);
            }
        }
        if (literalQuery != null) {
            url.encodedQuery(literalQuery);
        }
    }

    private void pathSegment(HttpUrl.Builder url, String parameter, int arg, Object[] args) {
        if (args[arg] == null) {
            throw new IllegalArgumentException("path parameter " + parameter + " of " + name + " must not be null");
        }
        String value = String.valueOf(args[arg]);
        // OkHttp would take "." and ".." as moves through the path: never let a value climb out of its segment.
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("path parameter " + parameter + " of " + name + " must not be '" + value + "'");
        }
        if (bindings[arg].encoded()) {
            url.addEncodedPathSegment(value);
        } else {
            url.addPathSegment(value);
        }
    }

    private static RequestBody json(JsonAdapter<Object> adapter, Object value) throws IOException {
        Buffer buffer = new Buffer();
        adapter.toJson(JsonWriter.of(buffer), value);
        return RequestBody.create(buffer.readByteString(), JSON);
    }

    private boolean permitsBody() {
        return httpMethod.equals("POST") || httpMethod.equals("PUT") || httpMethod.equals("PATCH");
    }

    private boolean has(Role role) {
        return indexOf(role) >= 0;
    }

    private int indexOf(Role role) {
        for (int i = 0; i < bindings.length; i++) {
            if (bindings[i].role() == role) {
                return i;
            }
        }
        return -1;
    }

    // ---- reading the annotations ---------------------------------------------------------------

    private String[] verb(Method method) {
        List<String[]> found = new ArrayList<>();
        for (Annotation a : method.getAnnotations()) {
            if (a instanceof GET g) {
                found.add(new String[] {"GET", g.value()});
            } else if (a instanceof POST p) {
                found.add(new String[] {"POST", p.value()});
            } else if (a instanceof PUT p) {
                found.add(new String[] {"PUT", p.value()});
            } else if (a instanceof PATCH p) {
                found.add(new String[] {"PATCH", p.value()});
            } else if (a instanceof DELETE d) {
                found.add(new String[] {"DELETE", d.value()});
            } else if (!(a instanceof FormUrlEncoded)) {
                throw invalid("has @" + a.annotationType().getSimpleName() + ", which Convene's endpoints do not support");
            }
        }
        if (found.size() != 1) {
            throw invalid("needs exactly one of @GET, @POST, @PUT, @PATCH, @DELETE");
        }
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private Supplier<JsonAdapter<Object>> result(Method method, Moshi moshi) {
        Type returned = method.getGenericReturnType();
        if (!(returned instanceof ParameterizedType p) || p.getRawType() != Exchange.class) {
            throw invalid("must return Exchange<T>");
        }
        Type t = p.getActualTypeArguments()[0];
        return t == Void.class ? null : Suppliers.memoize(() -> (JsonAdapter<Object>) moshi.adapter(t));
    }

    @SuppressWarnings("unchecked")
    private Binding[] bindings(Method method, Moshi moshi) {
        Annotation[][] annotations = method.getParameterAnnotations();
        Type[] types = method.getGenericParameterTypes();
        Binding[] out = new Binding[types.length];
        for (int i = 0; i < types.length; i++) {
            Binding binding = null;
            for (Annotation a : annotations[i]) {
                Binding b;
                if (a instanceof Path p) {
                    b = new Binding(Role.PATH, p.value(), p.encoded(), null);
                } else if (a instanceof Query q) {
                    b = new Binding(Role.QUERY, q.value(), q.encoded(), null);
                } else if (a instanceof Header h) {
                    b = new Binding(Role.HEADER, h.value(), false, null);
                } else if (a instanceof Field f) {
                    b = new Binding(Role.FIELD, f.value(), f.encoded(), null);
                } else if (a instanceof Body) {
                    Type bodyType = types[i];
                    b = new Binding(Role.BODY, null, false, Suppliers.memoize(() -> (JsonAdapter<Object>) moshi.adapter(bodyType)));
                } else if (a instanceof Url) {
                    b = new Binding(Role.URL, null, false, null);
                } else {
                    continue;
                }
                if (binding != null) {
                    throw invalid("parameter " + i + " has more than one of @Path, @Query, @Header, @Field, @Body, @Url");
                }
                binding = b;
            }
            if (binding == null) {
                throw invalid("parameter " + i + " needs one of @Path, @Query, @Header, @Field, @Body, @Url");
            }
            out[i] = binding;
        }
        long bodies = java.util.Arrays.stream(out).filter(b -> b.role() == Role.BODY).count();
        long urls = java.util.Arrays.stream(out).filter(b -> b.role() == Role.URL).count();
        if (bodies > 1 || urls > 1) {
            throw invalid("has more than one @Body or @Url");
        }
        return out;
    }

    private List<Segment> segments(String path) {
        List<Segment> out = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                out.add(new Segment(null, part.substring(1, part.length() - 1)));
            } else if (part.contains("{") || part.contains("}")) {
                throw invalid("path segment \"" + part + "\": a parameter must be a whole segment, like {id}");
            } else {
                out.add(new Segment(part, null));
            }
        }
        return List.copyOf(out);
    }

    private int argumentOf(String pathParameter) {
        for (int i = 0; i < bindings.length; i++) {
            if (bindings[i].role() == Role.PATH && bindings[i].name().equals(pathParameter)) {
                return i;
            }
        }
        throw new AssertionError("checked by checkPathParameters");
    }

    private void checkPathParameters() {
        Set<String> inPath = new LinkedHashSet<>();
        segments.stream().filter(s -> s.parameter() != null).forEach(s -> inPath.add(s.parameter()));
        Set<String> bound = new LinkedHashSet<>();
        for (Binding b : bindings) {
            if (b.role() == Role.PATH && !bound.add(b.name())) {
                throw invalid("binds path parameter {" + b.name() + "} twice");
            }
        }
        if (!inPath.equals(bound)) {
            throw invalid("path parameters " + inPath + " and @Path parameters " + bound + " differ");
        }
    }

    private IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(name + " " + why);
    }
}

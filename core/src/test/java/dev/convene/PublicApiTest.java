package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Core's public API (package dev.convene) shows JDK and Convene types only: no OkHttp, Retrofit, Moshi, Okio, Kotlin, Guava, Caffeine or Bucket4j. */
class PublicApiTest {
    static final List<String> FORBIDDEN = List.of("okhttp3.", "retrofit2.", "com.squareup.", "okio.", "kotlin.", "com.google.",
            "com.github.benmanes.", "io.github.bucket4j.");

    @Test
    void publicTypesExposeNoPlumbing() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicApiClasses()) {
            check(leaks, type.getName() + " extends", type.getGenericSuperclass());
            for (Type i : type.getGenericInterfaces()) {
                check(leaks, type.getName() + " implements", i);
            }
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() == Object.class) {
                    continue;
                }
                executable(leaks, type, m);
                check(leaks, type.getName() + "." + m.getName() + " returns", m.getGenericReturnType());
            }
            for (Constructor<?> c : type.getConstructors()) {
                executable(leaks, type, c);
            }
            for (Field f : type.getFields()) {
                check(leaks, type.getName() + "." + f.getName(), f.getGenericType());
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void executable(List<String> leaks, Class<?> type, Executable e) {
        for (Type p : e.getGenericParameterTypes()) {
            check(leaks, type.getName() + "." + e.getName() + " takes", p);
        }
    }

    private static void check(List<String> leaks, String where, Type t) {
        if (t == null) {
            return;
        }
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            String name = c.getName();
            if (FORBIDDEN.stream().anyMatch(name::startsWith)) {
                leaks.add(where + " " + name);
            }
        } else if (t instanceof ParameterizedType p) {
            check(leaks, where, p.getRawType());
            for (Type a : p.getActualTypeArguments()) {
                check(leaks, where, a);
            }
        } else if (t instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> check(leaks, where, b));
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                // E extends Enum<E> would recurse forever; the raw bound is what matters
                check(leaks, where, b instanceof ParameterizedType p ? p.getRawType() : b);
            }
        }
    }

    /** Every public class directly in package dev.convene of core's main output (not spi, not internal). */
    private static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(Convene.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/convene");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = "dev.convene." + f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(name.replace('/', '.'));
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out;
    }
}

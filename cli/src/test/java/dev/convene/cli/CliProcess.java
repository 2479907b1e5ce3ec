package dev.convene.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code convene.jar} as a separate process, the way a user does. */
final class CliProcess {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("convene.jar", "target/convene.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn verify' (the jar is built in the package phase)");
        }
        return jar;
    }

    static Result run(String... args) {
        return run(Map.of(), List.of("-jar", jar().toString()), args);
    }

    /** Flags that start a short-lived JVM sooner (the suite starts some sixty); they change nothing the jar does. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    static Result run(Map<String, String> env, List<String> launch, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(QUICK_START);
        command.addAll(launch);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("CONVENE_"));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var out = drain(p.getInputStream());
            var err = drain(p.getErrorStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("convene " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static java.util.concurrent.CompletableFuture<String> drain(InputStream in) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}

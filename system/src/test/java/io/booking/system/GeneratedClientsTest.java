package io.booking.system;

import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both API documents as a client developer takes them, with tools nobody here wrote: Spectral's OpenAPI rules find no
 * error, and openapi-generator's typescript-fetch clients compile (tsc, strict) without a hand edit. The generator
 * comes from Maven Central (target/tools), Spectral and TypeScript from the npm registry (target/npm).
 */
class GeneratedClientsTest {

    private static final Path TOOLS = Path.of("target/tools/openapi-generator-cli.jar");
    private static final Path NPM = Path.of("target/npm");

    @Test
    void bothDocumentsLintCleanAndTheirGeneratedClientsCompile() throws Exception {
        assumeTrue(onPath("npm"), "no npm on the PATH: this test needs Node.js and npm (Debian: apt-get install npm)");
        assertThat(TOOLS)
                .as("copied by the build (mvn generate-test-resources)")
                .exists();
        Path work = Files.createDirectories(Path.of("target/generated-clients"));
        Map<String, String> settings = TestSystems.smallPools(
                TestSystems.settings(TestDatabase.fresh(), "admin@clients.test", "admin-pw-123"));
        List<Path> documents = new ArrayList<>();
        try (BookingSystem system = BookingSystem.start(settings)) {
            for (Map.Entry<String, Integer> side : Map.of("command", system.commandPort(), "query", system.queryPort())
                    .entrySet()) {
                Path document = work.resolve(side.getKey() + ".json");
                Files.writeString(document, get("http://localhost:" + side.getValue() + "/v3/api-docs"));
                documents.add(document);
            }
        }
        run(
                NPM,
                List.of(
                        "npm",
                        "install",
                        "--no-audit",
                        "--no-fund",
                        "--silent",
                        "--prefix",
                        NPM.toAbsolutePath().toString(),
                        "@stoplight/spectral-cli@6",
                        "typescript@5"));
        Path ruleset = Files.writeString(work.resolve(".spectral.yaml"), "extends: [\"spectral:oas\"]\n");

        List<String> lint = new ArrayList<>(List.of(
                NPM.resolve("node_modules/.bin/spectral").toAbsolutePath().toString(),
                "lint",
                "--ruleset",
                ruleset.toAbsolutePath().toString(),
                "--fail-severity",
                "error"));
        documents.forEach(document -> lint.add(document.toAbsolutePath().toString()));
        assertThat(run(work, lint)).as("Spectral: no errors").isZero();

        for (Path document : documents) {
            Path client = work.resolve(document.getFileName().toString().replace(".json", "-client"));
            assertThat(run(
                            work,
                            List.of(
                                    "java",
                                    "-jar",
                                    TOOLS.toAbsolutePath().toString(),
                                    "generate",
                                    "-i",
                                    document.toAbsolutePath().toString(),
                                    "-g",
                                    "typescript-fetch",
                                    "-o",
                                    client.toAbsolutePath().toString())))
                    .as("generated from %s", document)
                    .isZero();
            assertThat(run(
                            client,
                            List.of(
                                    NPM.resolve("node_modules/.bin/tsc")
                                            .toAbsolutePath()
                                            .toString(),
                                    "--noEmit",
                                    "--strict",
                                    "--target",
                                    "es2019",
                                    "--lib",
                                    "es2019,dom",
                                    "--moduleResolution",
                                    "node",
                                    "index.ts")))
                    .as("the client of %s compiles", document)
                    .isZero();
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** @return the exit code; what the tool printed goes to the test's output */
    private static int run(Path directory, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("%s finished", command.get(0))
                .isTrue();
        if (process.exitValue() != 0) {
            System.out.println(String.join(" ", command) + "\n" + output);
        }
        return process.exitValue();
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

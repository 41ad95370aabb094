package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * error, openapi-generator's typescript-fetch clients compile (tsc, strict) without a hand edit, and a portal's journey
 * written against them runs in Node ({@code generated-clients/journey.ts}). The generator comes from Maven Central
 * (target/tools), Spectral and TypeScript from the npm registry (target/npm).
 */
class GeneratedClientsTest {

    private static final Path TOOLS = Path.of("target/tools/openapi-generator-cli.jar");
    private static final Path NPM = Path.of("target/npm");
    private static final String ADMIN_EMAIL = "admin@clients.test";
    private static final String ADMIN_PASSWORD = "admin-pw-123";

    @Test
    void bothDocumentsLintCleanAndTheirGeneratedClientsCompileAndDriveAPortalsJourney() throws Exception {
        assumeTrue(onPath("npm"), "no npm on the PATH: this test needs Node.js and npm (Debian: apt-get install npm)");
        assertThat(TOOLS)
                .as("copied by the build (mvn generate-test-resources)")
                .exists();
        Path work = Files.createDirectories(Path.of("target/generated-clients"));
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(TestDatabase.fresh(), ADMIN_EMAIL, ADMIN_PASSWORD));
        try (BookingSystem system = BookingSystem.start(settings)) {
            List<Path> documents = new ArrayList<>();
            for (Map.Entry<String, Integer> side : Map.of("command", system.commandPort(), "query", system.queryPort())
                    .entrySet()) {
                Path document = work.resolve(side.getKey() + ".json");
                Files.writeString(document, get("http://localhost:" + side.getValue() + "/v3/api-docs"));
                documents.add(document);
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
                            "typescript@5",
                            "@types/node@20"));
            assertThat(namesDescribedTwoWays(documents))
                    .as("a schema name both documents use means the same in both")
                    .isEmpty();
            Path ruleset = Files.writeString(work.resolve(".spectral.yaml"), "extends: [\"spectral:oas\"]\n");

            List<String> lint = new ArrayList<>(List.of(
                    tool("spectral"),
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
                assertThat(run(client, compile("index.ts", "--noEmit")))
                        .as("the client of %s compiles", document)
                        .isZero();
            }

            Files.copy(
                    Path.of("src/test/resources/generated-clients/journey.ts"),
                    work.resolve("journey.ts"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(run(
                            work,
                            compile(
                                    "journey.ts",
                                    "--outDir",
                                    "journey",
                                    "--module",
                                    "commonjs",
                                    "--typeRoots",
                                    NPM.resolve("node_modules/@types")
                                            .toAbsolutePath()
                                            .toString(),
                                    "--types",
                                    "node")))
                    .as("the journey compiles against both clients")
                    .isZero();
            assertThat(run(
                            work,
                            List.of("node", "journey/journey.js"),
                            Map.of(
                                    "COMMAND_URL",
                                    "http://localhost:" + system.commandPort(),
                                    "QUERY_URL",
                                    "http://localhost:" + system.queryPort(),
                                    "ADMIN_EMAIL",
                                    ADMIN_EMAIL,
                                    "ADMIN_PASSWORD",
                                    ADMIN_PASSWORD)))
                    .as("the journey through the generated clients")
                    .isZero();
        }
    }

    private static List<String> namesDescribedTwoWays(List<Path> documents) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode one = json.readTree(documents.get(0).toFile()).at("/components/schemas");
        JsonNode other = json.readTree(documents.get(1).toFile()).at("/components/schemas");
        List<String> twoWays = new ArrayList<>();
        one.fieldNames().forEachRemaining(name -> {
            if (other.has(name) && !other.get(name).equals(one.get(name))) {
                twoWays.add(name);
            }
        });
        return twoWays;
    }

    /** tsc, strict, for browsers and Node alike */
    private static List<String> compile(String file, String... options) {
        List<String> command = new ArrayList<>(List.of(
                tool("tsc"), "--strict", "--target", "es2019", "--lib", "es2019,dom", "--moduleResolution", "node"));
        command.addAll(List.of(options));
        command.add(file);
        return command;
    }

    private static String tool(String name) {
        return NPM.resolve("node_modules/.bin/" + name).toAbsolutePath().toString();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** @return the exit code; what the tool printed goes to the test's output */
    private static int run(Path directory, List<String> command) throws IOException, InterruptedException {
        return run(directory, command, Map.of());
    }

    private static int run(Path directory, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
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

package io.booking.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml as Compose reads it (no engine needed to check a file): valid, with the topology the README
 * describes.
 */
class DockerComposeTest {

    @Test
    void theComposeFileIsValidAndHoldsTheWholeTopology() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(
                compose != null,
                "neither docker-compose nor docker compose on the PATH: this test needs Compose "
                        + "(Debian: apt-get install docker-compose; .ci/run installs it)");

        assertThat(run(compose, "config", "-q"))
                .as("docker-compose.yml is valid")
                .isEqualTo("");
        assertThat(run(compose, "config", "--services").lines())
                .containsExactlyInAnyOrder("postgres", "command-side", "query-side", "one-origin", "mailpit");
    }

    /** @return how Compose is called here, or null when it is not installed */
    private static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                if (new ProcessBuilder(version).start().waitFor() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }

    private static String run(List<String> compose, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", "../docker-compose.yml"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.strip();
    }
}

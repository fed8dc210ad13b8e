package io.echotune.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files under deploy/ as the tests read them (Maven runs the tests with deploy/ as working directory). */
final class DeployFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DeployFiles() {
    }

    static Path deployDir() {
        Path here = Path.of("").toAbsolutePath();
        Path dir = Files.exists(here.resolve("compose.yaml")) ? here : here.resolve("deploy");
        if (!Files.exists(dir.resolve("compose.yaml"))) {
            throw new IllegalStateException("Run the deployment checks from the repository root or deploy/ (looked in " + here + ")");
        }
        return dir;
    }

    static Path repositoryRoot() {
        return deployDir().getParent();
    }

    static Path file(String relativeToDeploy) {
        return deployDir().resolve(relativeToDeploy);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document in a file, in order (Kubernetes files may hold several, separated by ---). */
    static List<JsonNode> yamlDocuments(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            return List.copyOf(YAML.readValues(parser, JsonNode.class).readAll()).stream()
                    .filter(node -> node != null && !node.isMissingNode() && !node.isNull())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    static ObjectNode yaml(Path file) {
        List<JsonNode> docs = yamlDocuments(file);
        if (docs.size() != 1 || !docs.getFirst().isObject()) {
            throw new AssertionError(file + " should hold exactly one YAML mapping, found " + docs.size() + " documents");
        }
        return (ObjectNode) docs.getFirst();
    }
}

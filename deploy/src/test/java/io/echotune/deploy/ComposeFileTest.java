package io.echotune.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose.yaml is a valid Compose file (checked against the Compose Specification's JSON schema) and wires
 * the pieces the way the deployment needs: two servers on a MongoDB replica set and Redis, behind nginx.
 */
class ComposeFileTest {

    private final ObjectNode compose = DeployFiles.yaml(DeployFiles.file("compose.yaml"));

    private static JsonSchema composeSchema() {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec.json")) {
            JsonNode schema = DeployFiles.YAML.readTree(in);
            dropDraft4Ids(schema);
            // Compose writes durations as "10s"; in JSON Schema 2019-09 "format" only annotates unless asked to assert
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This edition of the schema names its parts with draft-04 "id" strings although it declares 2019-09, whose
     * validator rejects the keyword; they only label the parts, so they are dropped before validating.
     */
    private static void dropDraft4Ids(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").isTextual()) object.remove("id");
        node.forEach(ComposeFileTest::dropDraft4Ids);
    }

    private static List<String> violations(JsonNode document) {
        Set<ValidationMessage> errors = composeSchema().validate(document);
        return errors.stream().map(ValidationMessage::getMessage).toList();
    }

    @Test
    void conformsToTheComposeSpecificationSchema() {
        assertThat(violations(compose)).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAMisspeltKey() {
        // proves the validation above has teeth: "replicas" belongs under deploy:, not on the service
        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.at("/services/app")).put("replicas", 2);
        assertThat(violations(broken)).anySatisfy(message -> assertThat(message).contains("replicas"));
    }

    @Test
    void runsTwoServersOnTheSharedReplicaSetAndRedis() {
        JsonNode app = compose.at("/services/app");
        assertThat(app.at("/deploy/replicas").asInt()).isEqualTo(2);
        assertThat(app.at("/build/dockerfile").asText()).isEqualTo("deploy/Dockerfile");
        assertThat(DeployFiles.repositoryRoot().resolve(app.at("/build/dockerfile").asText())).exists();
        assertThat(app.at("/environment/MONGODB_URI").asText()).startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0");
        assertThat(app.at("/environment/REDIS_URL").asText()).isEqualTo("redis://redis:6379");
        assertThat(app.at("/depends_on/mongo/condition").asText()).isEqualTo("service_healthy");
        assertThat(app.at("/depends_on/redis/condition").asText()).isEqualTo("service_healthy");
        // no published port: only nginx is reachable from outside
        assertThat(app.has("ports")).isFalse();

        List<String> mongoCommand = strings(compose.at("/services/mongo/command"));
        assertThat(mongoCommand).containsSequence("--replSet", "rs0");
        assertThat(compose.at("/services/mongo/healthcheck/test").toString()).contains("rs.initiate").contains("mongo:27017");
        assertThat(strings(compose.at("/services/redis/healthcheck/test"))).contains("redis-cli", "ping");
    }

    @Test
    void nginxPublishesHttpAndHttpsAndMountsTheCheckedConfiguration() {
        JsonNode nginx = compose.at("/services/nginx");
        assertThat(strings(nginx.get("ports"))).containsExactlyInAnyOrder("80:80", "443:443");
        List<String> volumes = strings(nginx.get("volumes"));
        assertThat(volumes).contains("./nginx/nginx.conf:/etc/nginx/nginx.conf:ro", "./nginx/certs:/etc/nginx/certs:ro");
        assertThat(DeployFiles.file("nginx/nginx.conf")).exists();
        assertThat(nginx.at("/depends_on/app/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void passesEverySecretTheKubernetesDeploymentKnows() throws IOException {
        JsonNode secret = DeployFiles.yaml(DeployFiles.file("k8s/secret.example.yaml"));
        List<String> keys = new ArrayList<>();
        secret.get("stringData").fieldNames().forEachRemaining(keys::add);
        List<String> composeEnv = new ArrayList<>();
        compose.at("/services/app/environment").fieldNames().forEachRemaining(composeEnv::add);
        assertThat(composeEnv).containsAll(keys);
        assertThat(Files.readString(DeployFiles.file("compose.yaml"))).doesNotContain("sk-");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

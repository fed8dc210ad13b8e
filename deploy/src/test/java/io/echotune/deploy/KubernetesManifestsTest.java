package io.echotune.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests bind strictly to the fabric8 Kubernetes model (a misspelt or misplaced field fails,
 * as kubectl's strict field validation would), and the objects fit together: probes on the actuator health
 * groups, secrets from the Secret, Service → pods, Ingress → Service, HPA → Deployment.
 */
class KubernetesManifestsTest {

    /** apiVersion/kind → model class; anything else in deploy/k8s is an error. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private final Map<String, HasMetadata> objects = load();

    private static Map<String, HasMetadata> load() {
        JsonNode kustomization = DeployFiles.yaml(DeployFiles.file("k8s/kustomization.yaml"));
        List<String> files = new ArrayList<>();
        kustomization.get("resources").forEach(r -> files.add(r.asText()));
        files.add("secret.example.yaml");
        Map<String, HasMetadata> byKind = new LinkedHashMap<>();
        for (String name : files) {
            Path file = DeployFiles.file("k8s/" + name);
            assertThat(file).as("kustomization lists " + name).exists();
            for (JsonNode doc : DeployFiles.yamlDocuments(file)) {
                String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                Class<? extends HasMetadata> model = KINDS.get(type);
                assertThat(model).as(name + ": unexpected object " + type).isNotNull();
                HasMetadata object;
                try {
                    object = DeployFiles.YAML.treeToValue(doc, model);
                } catch (Exception e) {
                    throw new AssertionError(name + " does not bind to " + model.getSimpleName() + ": " + e.getMessage(), e);
                }
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(object, doc.path("kind").asText(), unknown);
                assertThat(unknown).as(name + ": fields the Kubernetes API does not know").isEmpty();
                byKind.put(object.getKind(), object);
            }
        }
        return byKind;
    }

    /** fabric8 keeps fields it does not know in additionalProperties instead of failing: walk the tree and report them. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null) return;
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) return;
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !(getter.getName().startsWith("get")) || getter.getDeclaringClass() == Object.class) continue;
            try {
                Object child = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) unknown.add(path + ": " + extra.keySet());
                } else {
                    collectUnknownFields(child, path + "." + getter.getName().substring(3), unknown);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private <T> T object(Class<T> type) {
        return objects.values().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in deploy/k8s"));
    }

    private Container server() {
        return object(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    @Test
    void everyManifestBindsStrictly() {
        assertThat(objects.keySet()).containsExactlyInAnyOrder(
                "ConfigMap", "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Secret");
    }

    @Test
    void theStrictBindingCatchesAMisplacedField() {
        // proves the check above has teeth: "replicas" belongs in spec, not in metadata
        JsonNode doc = DeployFiles.yamlDocuments(DeployFiles.file("k8s/deployment.yaml")).getFirst().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("metadata")).put("replicas", 3);
        List<String> unknown = new ArrayList<>();
        try {
            collectUnknownFields(DeployFiles.YAML.treeToValue(doc, Deployment.class), "Deployment", unknown);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(unknown).singleElement().asString().contains("replicas");
    }

    @Test
    void probesUseTheActuatorHealthGroups() {
        Container server = server();
        assertThat(server.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertProbe(server.getReadinessProbe(), "/actuator/health/readiness");
        assertProbe(server.getLivenessProbe(), "/actuator/health/liveness");
        assertProbe(server.getStartupProbe(), "/actuator/health/liveness");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe on " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @Test
    void secretsComeFromTheSecretAndOnlyTheDatabaseAndRedisAreRequired() {
        Secret secret = object(Secret.class);
        Map<String, EnvVar> env = new LinkedHashMap<>();
        server().getEnv().forEach(e -> env.put(e.getName(), e));
        for (String name : List.of("MONGODB_URI", "REDIS_URL", "OPENAI_API_KEY", "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET",
                "TELEGRAM_BOT_TOKEN", "DISCORD_BOT_TOKEN")) {
            EnvVar var = env.get(name);
            assertThat(var).as(name + " is passed to the server").isNotNull();
            var ref = var.getValueFrom().getSecretKeyRef();
            assertThat(ref.getName()).isEqualTo(secret.getMetadata().getName());
            assertThat(secret.getStringData()).as("secret.example.yaml documents " + name).containsKey(ref.getKey());
            boolean required = name.equals("MONGODB_URI") || name.equals("REDIS_URL");
            assertThat(Boolean.TRUE.equals(ref.getOptional())).as(name + " optional").isEqualTo(!required);
        }
        assertThat(env.values()).allSatisfy(e -> assertThat(e.getValue()).as("no literal value for " + e.getName()).isNull());
        assertThat(server().getEnvFrom().getFirst().getConfigMapRef().getName()).isEqualTo(object(ConfigMap.class).getMetadata().getName());
    }

    @Test
    void podsRunAsTheImagesNonRootUserWithAReadOnlyRoot() {
        var pod = object(Deployment.class).getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(DeployFiles.read(DeployFiles.file("Dockerfile"))).contains("USER 10001");
        assertThat(server().getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(server().getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(server().getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/tmp");
    }

    @Test
    void serviceIngressAndAutoscalerPointAtTheDeployment() {
        Deployment deployment = object(Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

        Service service = object(Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts().getFirst().getTargetPort().getStrVal()).isEqualTo("http");

        Ingress ingress = object(Ingress.class);
        var backend = ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService();
        assertThat(backend.getName()).isEqualTo(service.getMetadata().getName());
        assertThat(backend.getPort().getName()).isEqualTo(service.getSpec().getPorts().getFirst().getName());
        assertThat(ingress.getSpec().getTls().getFirst().getHosts()).contains(ingress.getSpec().getRules().getFirst().getHost());
        assertThat(Integer.parseInt(ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .as("WebSocket chats outlive the default 60 s timeout").isGreaterThanOrEqualTo(3600);

        HorizontalPodAutoscaler hpa = object(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());

        PodDisruptionBudget pdb = object(PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isLessThan(hpa.getSpec().getMinReplicas());
    }
}

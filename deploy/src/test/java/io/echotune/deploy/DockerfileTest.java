package io.echotune.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of deploy/Dockerfile without a Docker engine: it copies every module of the reactor (Maven
 * refuses to build when a listed module is missing), ships the jar web-chat builds, and runs it on a JRE as a
 * non-root user with a health check on the liveness group.
 */
class DockerfileTest {

    private final String dockerfile = DeployFiles.read(DeployFiles.file("Dockerfile"));
    private final List<String> instructions = instructions(dockerfile);

    /** Instructions with line continuations joined and comments dropped. */
    private static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) continue;
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                out.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        return out;
    }

    private List<String> finalStage() {
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) if (instructions.get(i).startsWith("FROM ")) lastFrom = i;
        return instructions.subList(lastFrom, instructions.size());
    }

    @Test
    void copiesEveryModuleTheRootPomLists() {
        String rootPom = DeployFiles.read(DeployFiles.repositoryRoot().resolve("pom.xml"));
        String modulesBlock = rootPom.substring(rootPom.indexOf("<modules>"), rootPom.indexOf("</modules>"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(modulesBlock);
        List<String> copied = instructions.stream().filter(i -> i.startsWith("COPY ") && !i.contains("--from"))
                .map(i -> i.split("\\s+")[1]).toList();
        int count = 0;
        while (module.find()) {
            String path = module.group(1);
            count++;
            assertThat(copied).as("the build stage copies module " + path)
                    .anySatisfy(c -> assertThat(path.equals(c) || path.startsWith(c + "/") || (path + "/pom.xml").equals(c)).isTrue());
        }
        assertThat(count).isGreaterThanOrEqualTo(5);
    }

    @Test
    void buildsWithTheWrapperAndShipsTheJarWebChatBuilds() {
        String webChatPom = DeployFiles.read(DeployFiles.repositoryRoot().resolve("web-chat/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(webChatPom);
        assertThat(finalName.find()).isTrue();
        String jar = finalName.group(1) + ".jar";
        assertThat(instructions).anySatisfy(i -> assertThat(i).startsWith("RUN").contains("./mvnw").contains("-pl web-chat -am package"));
        assertThat(instructions).anySatisfy(i -> assertThat(i).contains("web-chat/target/" + jar));
        assertThat(finalStage().getLast()).startsWith("ENTRYPOINT [").contains("\"" + jar + "\"");
    }

    @Test
    void runsOnAJreAsANonRootUserWithAHealthCheck() {
        assertThat(instructions.stream().filter(i -> i.startsWith("FROM "))).hasSizeGreaterThanOrEqualTo(2);
        List<String> runtime = finalStage();
        assertThat(runtime.getFirst()).matches("FROM \\S+:\\d+-jre\\S*");
        String user = runtime.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user.substring(5).strip()).as("a numeric uid lets Kubernetes verify runAsNonRoot").matches("[1-9]\\d*");
        assertThat(runtime).anySatisfy(i -> assertThat(i).startsWith("HEALTHCHECK").contains("/actuator/health/liveness"));
        assertThat(runtime).anySatisfy(i -> assertThat(i).startsWith("EXPOSE 8080"));
    }
}

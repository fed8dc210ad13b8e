package io.echotune.server.faults;

import io.echotune.server.EchoTuneServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** One EchoTune server in this JVM, configured only through properties, as a deployment configures it. */
public final class Instance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Instance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a server on a free port; {@code properties} as "name=value". */
    public static Instance start(String... properties) {
        // as command-line arguments: they win over the application.yml and test config files, as the environment does
        List<String> args = new ArrayList<>(List.of("--PORT=0"));
        for (String property : properties) args.add("--" + property);
        return new Instance(new SpringApplicationBuilder(EchoTuneServer.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Http http() {
        return new Http(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}

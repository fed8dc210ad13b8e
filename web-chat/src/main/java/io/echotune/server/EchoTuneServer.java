package io.echotune.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The runnable EchoTune server: web chat, REST API and the channel adapters switched on by configuration. */
@SpringBootApplication(scanBasePackages = "io.echotune")
@EntityScan("io.echotune")
@EnableMongoRepositories("io.echotune")
public class EchoTuneServer {

    public static void main(String[] args) {
        SpringApplication.run(EchoTuneServer.class, args);
    }
}

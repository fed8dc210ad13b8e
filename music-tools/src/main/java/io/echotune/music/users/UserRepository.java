package io.echotune.music.users;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

public interface UserRepository extends MongoRepository<EchoUser, String> {

    Optional<EchoUser> findByIdentities(String identity);
}

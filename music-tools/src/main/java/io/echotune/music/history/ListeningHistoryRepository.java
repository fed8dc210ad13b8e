package io.echotune.music.history;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

public interface ListeningHistoryRepository extends MongoRepository<ListeningEvent, String> {

    List<ListeningEvent> findByUserIdOrderByAtDesc(String userId, Pageable page);
}

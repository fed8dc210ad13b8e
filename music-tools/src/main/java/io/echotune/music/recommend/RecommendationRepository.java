package io.echotune.music.recommend;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface RecommendationRepository extends MongoRepository<RecommendationRecord, String> {
}

package io.echotune.music.playlists;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

public interface PlaylistRepository extends MongoRepository<Playlist, String> {

    List<Playlist> findByUserIdOrderByCreatedAtDesc(String userId);
}

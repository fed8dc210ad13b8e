package io.echotune.recommender.model;

import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.cf.EaseModel;
import io.echotune.recommender.cf.ItemKnnModel;
import io.echotune.recommender.content.ContentModel;
import io.echotune.recommender.hybrid.HybridWeights;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes {@link ModelBundle}s in EchoTune's versioned binary model format.
 *
 * <pre>
 * int    magic 0x45544D46 ("ETMF")
 * int    format version (2)
 * double×6 hybrid weights (als, itemKnn, content, popularity, dislikePenalty, ease)
 * int    number of sections, then per section: UTF kind ("als" | "item-knn" | "content" | "ease") + body
 * </pre>
 * Version 1 files (five weights, no EASE section) are still read, so models written before EASE
 * keep loading.
 * Bodies are big-endian DataOutputStream data (see each model's writeTo). Files are written to a
 * temporary sibling and moved into place, so a reader never sees half a model.
 */
public final class ModelFile {

    static final int MAGIC = 0x45544D46;
    static final int VERSION = 2;
    private static final int VERSION_WITHOUT_EASE = 1;

    private ModelFile() {
    }

    public static void write(Path path, ModelBundle bundle) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                HybridWeights w = bundle.weights();
                out.writeDouble(w.als());
                out.writeDouble(w.itemKnn());
                out.writeDouble(w.content());
                out.writeDouble(w.popularity());
                out.writeDouble(w.dislikePenalty());
                out.writeDouble(w.ease());
                int sections = (bundle.als().isPresent() ? 1 : 0) + (bundle.itemKnn().isPresent() ? 1 : 0)
                        + (bundle.content().isPresent() ? 1 : 0) + (bundle.ease().isPresent() ? 1 : 0);
                out.writeInt(sections);
                if (bundle.als().isPresent()) {
                    out.writeUTF("als");
                    bundle.als().get().writeTo(out);
                }
                if (bundle.itemKnn().isPresent()) {
                    out.writeUTF("item-knn");
                    bundle.itemKnn().get().writeTo(out);
                }
                if (bundle.content().isPresent()) {
                    out.writeUTF("content");
                    bundle.content().get().writeTo(out);
                }
                if (bundle.ease().isPresent()) {
                    out.writeUTF("ease");
                    bundle.ease().get().writeTo(out);
                }
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static ModelBundle read(Path path) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException(path + " is not an EchoTune model file (bad magic number)");
            }
            int version = in.readInt();
            if (version != VERSION && version != VERSION_WITHOUT_EASE) {
                throw new IOException(path + " has model format version " + version + "; this build reads version "
                        + VERSION);
            }
            HybridWeights w = new HybridWeights(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), version == VERSION_WITHOUT_EASE ? 0 : in.readDouble());
            int sections = in.readInt();
            AlsModel als = null;
            ItemKnnModel knn = null;
            ContentModel content = null;
            EaseModel ease = null;
            for (int s = 0; s < sections; s++) {
                String kind = in.readUTF();
                switch (kind) {
                    case "als" -> als = AlsModel.readFrom(in);
                    case "item-knn" -> knn = ItemKnnModel.readFrom(in);
                    case "content" -> content = ContentModel.readFrom(in);
                    case "ease" -> ease = EaseModel.readFrom(in);
                    default -> throw new IOException(path + " has an unknown model section '" + kind + "'");
                }
            }
            return new ModelBundle(Optional.ofNullable(als), Optional.ofNullable(knn), Optional.ofNullable(content),
                    Optional.ofNullable(ease), w);
        }
    }
}

package io.echotune.recommender.cf;

import io.echotune.recommender.data.Interactions;

import java.util.SplittableRandom;

/** Synthetic feedback with a planted structure: users of block b play only items of block b. */
final class PlantedBlocks {

    static final int BLOCKS = 3;
    static final int USERS_PER_BLOCK = 20;
    static final int ITEMS_PER_BLOCK = 30;

    private PlantedBlocks() {
    }

    static Interactions generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Interactions.Builder b = Interactions.builder();
        for (int block = 0; block < BLOCKS; block++) {
            for (int i = 0; i < ITEMS_PER_BLOCK; i++) {
                b.item(item(block, i));
            }
        }
        for (int block = 0; block < BLOCKS; block++) {
            for (int u = 0; u < USERS_PER_BLOCK; u++) {
                for (int i = 0; i < ITEMS_PER_BLOCK; i++) {
                    if (random.nextDouble() < 0.5) {
                        b.add(user(block, u), item(block, i), 1 + random.nextInt(50));
                    }
                }
            }
        }
        return b.build();
    }

    static String user(int block, int u) {
        return "u" + block + "-" + u;
    }

    static String item(int block, int i) {
        return "i" + block + "-" + i;
    }

    static int blockOf(String itemId) {
        return itemId.charAt(1) - '0';
    }
}
